package com.speedfog.racing.projections.admin;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the event store table in store order, a chunk at a time, straight through JDBC: one read of the
 * store feeds every projection of a replay. Each event is deserialized once and carries a replay token,
 * so handlers see {@code ReplayStatus.REPLAY} (no live pushes) and the event's own store position.
 */
final class StoredEvents {

    private static final String COLUMNS = "select global_index, type, aggregate_identifier, sequence_number, event_identifier, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data from domain_event_entry ";

    /** An event and its place in the store. */
    record Stored(long index, TrackedEventMessage<?> message) {
    }

    private final Serializer serializer;
    private final TrackingToken replayEnd;

    /** {@code replayEnd}: a position past every event replayed, so every token reads as a replay. */
    StoredEvents(Serializer serializer, long replayEnd) {
        this.serializer = serializer;
        this.replayEnd = new GlobalSequenceTrackingToken(replayEnd);
    }

    /** Up to {@code limit} events with {@code after < index <= upTo}, in store order. */
    List<Stored> range(Connection db, long after, long upTo, int limit) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(COLUMNS
                + "where global_index > ? and global_index <= ? order by global_index limit ?")) {
            select.setLong(1, after);
            select.setLong(2, upTo);
            select.setInt(3, limit);
            return read(select);
        }
    }

    /** The events at these positions that are in the store now, in store order. */
    List<Stored> at(Connection db, Collection<Long> indices) throws SQLException {
        if (indices.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = db.prepareStatement(COLUMNS + "where global_index = any(?) order by global_index")) {
            Array array = db.createArrayOf("bigint", indices.toArray());
            select.setArray(1, array);
            return read(select);
        }
    }

    static long head(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select coalesce(max(global_index), 0) from domain_event_entry");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long count(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("select count(*) from domain_event_entry");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<Stored> read(PreparedStatement select) throws SQLException {
        List<Stored> events = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long index = rs.getLong(1);
                Object payload = serializer.deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(9), byte[].class, rs.getString(7), rs.getString(8)));
                byte[] metaBytes = rs.getBytes(10);
                MetaData metaData = metaBytes == null ? MetaData.emptyInstance()
                        : serializer.deserialize(new SerializedMetaData<>(metaBytes, byte[].class));
                Instant timestamp = DateTimeUtils.parseInstant(rs.getString(6));
                TrackingToken token = ReplayToken.createReplayToken(replayEnd, new GlobalSequenceTrackingToken(index));
                events.add(new Stored(index, new GenericTrackedDomainEventMessage<>(token, rs.getString(2), rs.getString(3),
                        rs.getLong(4), new GenericMessage<>(rs.getString(5), payload, metaData), () -> timestamp)));
            }
        }
        return events;
    }
}
