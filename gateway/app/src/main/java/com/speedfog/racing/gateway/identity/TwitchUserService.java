package com.speedfog.racing.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * After Twitch's authorization-code exchange (OpenID Connect: Spring has already checked the id token):
 * asks Helix {@code /users} for the profile (Twitch requires the Client-Id header beside the bearer
 * token) and logs that user in.
 */
public class TwitchUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The Twitch identity, carrying who that is here. */
    public static final class TwitchUser extends DefaultOidcUser {
        private final SpeedFogPrincipal principal;

        TwitchUser(OidcUserRequest request, SpeedFogPrincipal principal) {
            super(principal.getAuthorities(), request.getIdToken(), "sub");
            this.principal = principal;
        }

        public SpeedFogPrincipal principal() {
            return principal;
        }
    }

    private final UserService users;
    private final RestClient http = RestClient.create();

    public TwitchUserService(UserService users) {
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        String usersUri = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri();
        JsonNode answer;
        try {
            answer = http.get().uri(usersUri)
                    .header("Authorization", "Bearer " + request.getAccessToken().getTokenValue())
                    .header("Client-Id", request.getClientRegistration().getClientId())
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("twitch_users_failed",
                    "Twitch did not say who you are: " + e.getMessage(), null));
        }
        JsonNode me = answer == null ? null : answer.path("data").path(0);
        if (me == null || me.isMissingNode() || me.path("id").asText().isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("twitch_users_empty", "Twitch returned no user", null));
        }
        User user = users.loginWithTwitch(me.path("id").asText(), me.path("login").asText(),
                me.path("display_name").asText(me.path("login").asText()), me.path("profile_image_url").asText(null));
        return new TwitchUser(request, SpeedFogPrincipal.of(user));
    }
}
