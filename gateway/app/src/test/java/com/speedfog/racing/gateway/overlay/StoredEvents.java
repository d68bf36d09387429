package com.speedfog.racing.gateway.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.protocol.Wire;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A participant's events as the event store holds them (domain_event_entry, JSON payloads). */
record StoredEvents(List<StoredEvents.Event> events) {

    /** One stored event: its short type (ZoneEntered, ...) and its payload. */
    record Event(String type, JsonNode payload) {
        /** The client's message id the event came from, or null (the payload's messageId). */
        String messageId() {
            JsonNode id = payload.has("messageId") ? payload.get("messageId") : payload.path("message_id");
            return id.isTextual() ? id.asText() : null;
        }
    }

    static StoredEvents of(Connection connection, UUID participantId) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select payload_type, convert_from(payload, 'UTF8') "
                + "from domain_event_entry where aggregate_identifier = ? order by sequence_number")) {
            query.setString(1, participantId.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    try {
                        events.add(new Event(type.substring(type.lastIndexOf('$') + 1), Wire.mapper().readTree(rows.getString(2))));
                    } catch (java.io.IOException e) {
                        throw new AssertionError("a stored payload is not JSON: " + rows.getString(2), e);
                    }
                }
            }
        }
        return new StoredEvents(events);
    }

    List<Event> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** How many stored events carry each message id. */
    Map<String, Long> countByMessageId() {
        return events.stream().filter(e -> e.messageId() != null)
                .collect(Collectors.groupingBy(Event::messageId, Collectors.counting()));
    }

    /** The nodes entered, in the order they were stored. */
    List<String> nodesEntered() {
        return ofType("ZoneEntered").stream().map(e -> e.payload().path("nodeId").asText(e.payload().path("node_id").asText()))
                .toList();
    }
}
