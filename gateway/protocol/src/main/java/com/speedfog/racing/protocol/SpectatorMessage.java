package com.speedfog.racing.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a browser may send on {@code /ws/race/{race_id}}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SpectatorMessage.Auth.class, name = "auth"),
        @JsonSubTypes.Type(value = SpectatorMessage.Pong.class, name = "pong")})
public sealed interface SpectatorMessage {

    /** @param token the viewer's API token: a participant's page keeps the DAG hidden while they run */
    record Auth(String token) implements SpectatorMessage {
    }

    record Pong() implements SpectatorMessage {
    }
}
