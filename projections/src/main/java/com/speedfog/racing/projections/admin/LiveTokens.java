package com.speedfog.racing.projections.admin;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How far a group's live processor has come, segment by segment, as its tokens in {@code token_entry} say
 * (on every node: the tokens are shared). A replay may apply an event to the new tables only once the live
 * processor has applied it to the old ones: then, at the switch, both hold the same events and the live
 * processor goes on from its token into the new tables, with nothing missed or applied twice.
 */
final class LiveTokens {

    private final Map<Segment, GapAwareTrackingToken> bySegment;
    private final SimpleEventHandlerInvoker invoker;

    private LiveTokens(Map<Segment, GapAwareTrackingToken> bySegment, SimpleEventHandlerInvoker invoker) {
        this.bySegment = bySegment;
        this.invoker = invoker;
    }

    static LiveTokens read(Connection db, String group, Serializer serializer, SimpleEventHandlerInvoker invoker)
            throws SQLException {
        List<Integer> ids = new ArrayList<>();
        List<TrackingToken> tokens = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "select segment, token, token_type from token_entry where processor_name = ? order by segment")) {
            select.setString(1, group);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                    byte[] token = rs.getBytes(2);
                    tokens.add(token == null ? null
                            : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, rs.getString(3), null)));
                }
            }
        }
        Segment[] segments = Segment.computeSegments(ids.stream().mapToInt(Integer::intValue).toArray());
        Map<Segment, GapAwareTrackingToken> bySegment = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Segment segment = segments[i];
            TrackingToken token = tokens.get(i);
            GapAwareTrackingToken position = token == null ? null
                    : WrappedToken.unwrap(WrappedToken.unwrapLowerBound(token), GapAwareTrackingToken.class).orElseThrow(() ->
                    new IllegalStateException(group + " tracks with " + token.getClass().getSimpleName()
                            + ", not the JPA store's gap-aware tokens"));
            bySegment.put(segment, position);
        }
        return new LiveTokens(bySegment, invoker);
    }

    int segments() {
        return bySegment.size();
    }

    /** The furthest position any segment has reached (-1 when none has started). */
    long furthest() {
        return bySegment.values().stream().filter(t -> t != null).mapToLong(GapAwareTrackingToken::getIndex).max().orElse(-1);
    }

    /**
     * Whether the live processor has applied this event: the token of the segment its sequence falls in covers
     * it. {@code false} leaves it to the live processor, after the switch.
     */
    boolean applied(EventMessage<?> event, long index) {
        Object sequence = invoker.getSequencingPolicy().getSequenceIdentifierFor(event);
        int hash = Objects.hashCode(sequence == null ? event.getIdentifier() : sequence);
        for (Map.Entry<Segment, GapAwareTrackingToken> segment : bySegment.entrySet()) {
            if (segment.getKey().matches(hash)) {
                GapAwareTrackingToken token = segment.getValue();
                return token != null && index <= token.getIndex() && !token.getGaps().contains(index);
            }
        }
        return false;
    }

    /** No handler of the group takes this kind of event. */
    boolean ignores(EventMessage<?> event) {
        return bySegment.isEmpty() || !invoker.canHandleType(event.getPayloadType());
    }
}
