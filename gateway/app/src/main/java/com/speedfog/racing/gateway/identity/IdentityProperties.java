package com.speedfog.racing.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.stream.Collectors;

/**
 * @param adminLogins Twitch logins that become admins when they first log in
 * @param defaultRole the role of everybody else on their first login
 * @param twitch      Twitch's OAuth application; login with Twitch is on when its client id is set
 */
@ConfigurationProperties("speedfog.identity")
public record IdentityProperties(@DefaultValue List<String> adminLogins, @DefaultValue("ORGANIZER") Role defaultRole,
                                 @DefaultValue Twitch twitch) {

    public IdentityProperties {
        adminLogins = adminLogins.stream().map(UserRepository::normalize).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    /**
     * @param usersUri  Helix's users endpoint, called with the Client-Id header
     * @param jwkSetUri Twitch's keys, to check the OpenID id token
     * @param issuerUri who signs id tokens
     */
    public record Twitch(String clientId, String clientSecret,
                         @DefaultValue("https://id.twitch.tv/oauth2/authorize") String authorizationUri,
                         @DefaultValue("https://id.twitch.tv/oauth2/token") String tokenUri,
                         @DefaultValue("https://api.twitch.tv/helix/users") String usersUri,
                         @DefaultValue("https://id.twitch.tv/oauth2/keys") String jwkSetUri,
                         @DefaultValue("https://id.twitch.tv/oauth2") String issuerUri) {

        public boolean configured() {
            return clientId != null && !clientId.isBlank();
        }
    }

    public boolean twitchConfigured() {
        return twitch != null && twitch.configured();
    }
}
