package com.speedfog.racing.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonFactory;

/**
 * The JSON mapping of the wire protocol: snake_case fields, a {@code type} on every message, ISO-8601
 * instants. Shared by the gateway and the overlay so both speak the same dialect.
 */
public final class Wire {

    /** Refusal of a frame, with the protocol's error code. */
    public static final class WireException extends Exception {
        private final String code;

        public WireException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public static final String BAD_JSON = "bad_json";
    public static final String UNKNOWN_TYPE = "unknown_type";
    public static final String INVALID_MESSAGE = "invalid_message";

    /** Deeply nested input is refused long before it can cost the parser anything. */
    public static final int MAX_NESTING = 16;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                            .maxStringLength(64 * 1024).build()).build())
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Wire() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
        }
    }

    public static ModMessage readMod(String frame) throws WireException {
        return read(frame, ModMessage.class);
    }

    public static SpectatorMessage readSpectator(String frame) throws WireException {
        return read(frame, SpectatorMessage.class);
    }

    public static ServerMessage readServer(String frame) throws WireException {
        return read(frame, ServerMessage.class);
    }

    private static <T> T read(String frame, Class<T> type) throws WireException {
        try {
            T message = MAPPER.readValue(frame, type);
            if (message == null) {
                throw new WireException(BAD_JSON, "a message must be a JSON object");
            }
            return message;
        } catch (InvalidTypeIdException e) {
            String id = e.getTypeId();
            throw new WireException(id == null ? INVALID_MESSAGE : UNKNOWN_TYPE,
                    id == null ? "every message needs a \"type\"" : "unknown message type \"" + id + "\"");
        } catch (MismatchedInputException e) {
            throw new WireException(INVALID_MESSAGE, "a field has the wrong type: " + fieldPath(e));
        } catch (JsonProcessingException e) {
            throw new WireException(BAD_JSON, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String fieldPath(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(ref -> path.append(path.length() == 0 ? "" : ".")
                .append(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]"));
        return path.length() == 0 ? "(message)" : path.toString();
    }
}
