package com.speedfog.racing.gateway.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.util.Set;

/**
 * Browser sessions (Twitch login or the development login) with CSRF protection on state-changing
 * calls, and stateless Bearer API tokens. Most "who may do this" rules live in the aggregates; here only
 * what needs no domain knowledge: admin paths, and being logged in to change anything.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String TWITCH = "twitch";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, UserService users, IdentityProperties identity,
                                 SecurityContextRepository contexts,
                                 ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // the token is always loaded, so the cookie is always set
        // CSRF guards what a browser session can be tricked into; a request with no session or with a
        // Bearer token carries no ambient credentials to abuse.
        RequestMatcher needsCsrf = request -> !SAFE_METHODS.contains(request.getMethod())
                && !BearerTokenFilter.hasBearer(request) && request.getRequestedSessionId() != null
                && !request.getRequestURI().equals("/api/auth/dev-login");
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(needsCsrf))
                .securityContext(context -> context.securityContextRepository(contexts))
                .addFilterBefore(new BearerTokenFilter(users), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/auth/**", "/oauth2/**", "/login/**", "/ws/**", "/actuator/health/**",
                                "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                                "login_required", "log in, or send an API token as Authorization: Bearer <token>"))
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN,
                                e instanceof CsrfException ? "csrf_failed" : "forbidden",
                                e instanceof CsrfException
                                        ? "missing or wrong CSRF token (send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN)"
                                        : "you may not do this")))
                .logout(logout -> logout.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        if (identity.twitchConfigured()) {
            http.oauth2Login(login -> login
                    .userInfoEndpoint(info -> info.oidcUserService(new TwitchUserService(users)))
                    .successHandler((request, response, authentication) -> {
                        // From here on a Twitch user is like any other: our principal in the session.
                        SpeedFogPrincipal principal = ((TwitchUserService.TwitchUser) authentication.getPrincipal()).principal();
                        org.springframework.security.core.context.SecurityContext context =
                                org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                                principal, null, principal.getAuthorities()));
                        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
                        contexts.saveContext(context, request, response);
                        response.sendRedirect("/");
                    }));
        } else {
            log.warn("Twitch login is not configured (TWITCH_CLIENT_ID): the local development login is on at "
                    + "POST /api/auth/dev-login, for requests from this machine only");
        }
        return http.build();
    }

    /** Twitch's OAuth application, when configured: authorization code, client secret in the POST body. */
    @Bean
    @org.springframework.context.annotation.Conditional(TwitchConfigured.class)
    ClientRegistrationRepository twitchRegistration(IdentityProperties identity) {
        IdentityProperties.Twitch twitch = identity.twitch();
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(TWITCH)
                .clientId(twitch.clientId())
                .clientSecret(twitch.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "user:read:email")
                .authorizationUri(twitch.authorizationUri())
                .tokenUri(twitch.tokenUri())
                .userInfoUri(twitch.usersUri())
                .jwkSetUri(twitch.jwkSetUri())
                .issuerUri(twitch.issuerUri())
                .userNameAttributeName("sub")
                .clientName("Twitch")
                .build());
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String code,
                                String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\",\"code\":\"" + code + "\"}");
    }
}
