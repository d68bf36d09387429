package com.speedfog.racing.gateway.identity;

import com.speedfog.racing.command.common.Actor;

public enum Role {
    USER, ORGANIZER, ADMIN;

    public Actor.Role actorRole() {
        return switch (this) {
            case USER -> Actor.Role.USER;
            case ORGANIZER -> Actor.Role.ORGANIZER;
            case ADMIN -> Actor.Role.ADMIN;
        };
    }

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be user, organizer or admin (was '" + text + "')");
    }
}
