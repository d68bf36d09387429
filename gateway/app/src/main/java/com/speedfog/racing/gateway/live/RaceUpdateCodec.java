package com.speedfog.racing.gateway.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.speedfog.racing.query.race.RaceUpdate;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A race update as JSON that names its kind, so another node can read it back. */
final class RaceUpdateCodec {
    private static final Map<String, Class<?>> KINDS = Arrays.stream(RaceUpdate.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private final ObjectMapper json;

    RaceUpdateCodec(ObjectMapper json) {
        this.json = json;
    }

    String write(RaceUpdate update) {
        ObjectNode wrapped = json.createObjectNode();
        wrapped.put("kind", update.getClass().getSimpleName());
        wrapped.set("update", json.valueToTree(update));
        try {
            return json.writeValueAsString(wrapped);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a race update could not be written as JSON", e);
        }
    }

    RaceUpdate read(String text) {
        try {
            JsonNode wrapped = json.readTree(text);
            Class<?> kind = KINDS.get(wrapped.path("kind").asText());
            if (kind == null) {
                throw new IllegalArgumentException("unknown race update kind: " + wrapped.path("kind").asText());
            }
            return (RaceUpdate) json.treeToValue(wrapped.path("update"), kind);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a relayed race update is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
