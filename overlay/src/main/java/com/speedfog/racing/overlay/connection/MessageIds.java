package com.speedfog.racing.overlay.connection;

import com.speedfog.racing.protocol.ModMessage;
import com.speedfog.racing.protocol.ModMessage.EventFlag;
import com.speedfog.racing.protocol.ModMessage.Finished;
import com.speedfog.racing.protocol.ModMessage.Ready;
import com.speedfog.racing.protocol.ModMessage.StatusUpdate;
import com.speedfog.racing.protocol.ModMessage.ZoneEntered;
import com.speedfog.racing.protocol.ModMessage.ZoneQuery;

import java.util.UUID;

/** Gives gameplay messages their message_id: random UUIDs, unique for the participant without any stored counter. */
public final class MessageIds {

    private MessageIds() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A copy of {@code message} carrying {@code id}. */
    public static ModMessage.Gameplay withId(ModMessage.Gameplay message, String id) {
        if (message instanceof Ready) {
            return new Ready(id);
        }
        if (message instanceof StatusUpdate m) {
            return new StatusUpdate(m.igtMs(), m.deathCount(), m.currentZone(), m.currentLayer(), id);
        }
        if (message instanceof ZoneEntered m) {
            return new ZoneEntered(m.toZone(), m.igtMs(), m.fromZone(), id);
        }
        if (message instanceof EventFlag m) {
            return new EventFlag(m.flagId(), m.igtMs(), id);
        }
        if (message instanceof ZoneQuery m) {
            return new ZoneQuery(m.mapId(), m.position(), m.playRegionId(), m.graceEntityId(), id);
        }
        if (message instanceof Finished m) {
            return new Finished(m.igtMs(), id);
        }
        throw new IllegalArgumentException("not a gameplay message: " + message);
    }
}
