package com.speedfog.racing.command.common;

import java.util.Objects;

/**
 * Who sends a command. Every command that changes a race carries its actor so the aggregate, not the
 * edge, decides who may do what.
 */
public record Actor(String userId, Role role) {

    public enum Role { USER, ORGANIZER, ADMIN, SYSTEM }

    private static final Actor SYSTEM_ACTOR = new Actor("system", Role.SYSTEM);

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    /** The platform itself (deadlines, the race saga): never built from a request. */
    public static Actor system() {
        return SYSTEM_ACTOR;
    }

    public static Actor user(String userId) {
        return new Actor(userId, Role.USER);
    }

    public static Actor organizer(String userId) {
        return new Actor(userId, Role.ORGANIZER);
    }

    public static Actor admin(String userId) {
        return new Actor(userId, Role.ADMIN);
    }

    public boolean isPrivileged() {
        return role == Role.ADMIN || role == Role.SYSTEM;
    }

    /** The organizer of something, an admin, or the platform. */
    public boolean mayManage(String ownerId) {
        return isPrivileged() || userId.equals(ownerId);
    }

    public boolean mayOrganize() {
        return role != Role.USER;
    }
}
