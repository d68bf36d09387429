package com.speedfog.racing.gateway.identity;

import com.speedfog.racing.gateway.web.ApiProblem;
import com.speedfog.racing.query.viewer.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The user behind the current request, read fresh from the database (a role change applies at once). */
@Component
public class CurrentUsers {

    private final UserRepository users;

    public CurrentUsers(UserRepository users) {
        this.users = users;
    }

    public Optional<User> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SpeedFogPrincipal principal) {
            return users.byId(principal.userId());
        }
        return Optional.empty();
    }

    /** Who is asking, for queries: anonymous when nobody is logged in. */
    public Viewer viewer() {
        return current().map(User::viewer).orElse(Viewer.ANONYMOUS);
    }

    /** The viewer behind a socket's handshake (a logged-in browser's session), else anonymous. */
    public Viewer viewerOf(java.security.Principal principal) {
        if (principal instanceof Authentication auth && auth.getPrincipal() instanceof SpeedFogPrincipal user) {
            return users.byId(user.userId()).map(User::viewer).orElse(Viewer.ANONYMOUS);
        }
        return Viewer.ANONYMOUS;
    }

    public User required() {
        return current().orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "login_required", "log in first"));
    }
}
