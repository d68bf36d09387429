package com.speedfog.racing.gateway.identity;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who is logged in, however they logged in (Twitch, the development login, an API token). Holds only
 * the user id and role at login; {@link CurrentUsers} reloads the user for every request.
 */
public record SpeedFogPrincipal(UUID userId, String login, Role role) implements OAuth2User, Serializable {

    public static SpeedFogPrincipal of(User user) {
        return new SpeedFogPrincipal(user.id(), user.login(), user.role());
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of("id", userId.toString(), "login", login);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(role);
    }

    @Override
    public String getName() {
        return userId.toString();
    }

    public static List<GrantedAuthority> authorities(Role role) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }
}
