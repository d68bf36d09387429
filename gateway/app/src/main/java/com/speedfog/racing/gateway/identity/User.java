package com.speedfog.racing.gateway.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.query.viewer.Viewer;

import java.util.UUID;

/** Someone who logged in (or was invited and did). */
public record User(UUID id, @JsonProperty("twitch_id") String twitchId, String login,
                   @JsonProperty("display_name") String displayName, @JsonProperty("avatar_url") String avatarUrl,
                   Role role) {

    /** The identity commands carry. */
    @JsonIgnore
    public Actor actor() {
        return new Actor(id.toString(), role.actorRole());
    }

    /** The identity queries carry. */
    @JsonIgnore
    public Viewer viewer() {
        return role == Role.ADMIN ? Viewer.admin(id.toString()) : Viewer.user(id.toString());
    }
}
