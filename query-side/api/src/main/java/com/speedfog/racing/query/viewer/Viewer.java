package com.speedfog.racing.query.viewer;

/**
 * Who is asking: carried in every query whose answer may hold something a viewer should not see, and
 * held by every socket. Derived once per request or socket from what identifies the caller (a browser
 * session, an API token, a mod token); what the viewer is <em>to a given race</em> (still racing in it,
 * done, its organizer) is decided per race by {@link RaceRole#of}, and what they may see by
 * {@link Sight#of}.
 *
 * @param userId the user's id, or null for an anonymous viewer
 * @param admin  an administrator (sees private races in listings)
 */
public record Viewer(String userId, boolean admin) {

    /** Nobody logged in: a spectator who sees what the design shows spectators. */
    public static final Viewer ANONYMOUS = new Viewer(null, false);

    public static Viewer user(String userId) {
        return userId == null ? ANONYMOUS : new Viewer(userId, false);
    }

    public static Viewer admin(String userId) {
        return new Viewer(userId, true);
    }

    public boolean anonymous() {
        return userId == null;
    }
}
