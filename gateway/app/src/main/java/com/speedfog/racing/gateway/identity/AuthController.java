package com.speedfog.racing.gateway.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.speedfog.racing.gateway.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final CurrentUsers currentUsers;
    private final UserService users;
    private final IdentityProperties identity;
    private final SecurityContextRepository contexts;

    AuthController(CurrentUsers currentUsers, UserService users, IdentityProperties identity, SecurityContextRepository contexts) {
        this.currentUsers = currentUsers;
        this.users = users;
        this.identity = identity;
        this.contexts = contexts;
    }

    record LoginAnswer(String token, User user) {
    }

    record DevLogin(String username, String role) {
    }

    @GetMapping("/me")
    User me() {
        return currentUsers.required();
    }

    @GetMapping("/twitch")
    ResponseEntity<Void> twitch() {
        if (!identity.twitchConfigured()) {
            throw ApiProblem.notFound("twitch_not_configured", "login with Twitch is not configured on this server");
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/oauth2/authorization/" + SecurityConfiguration.TWITCH)).build();
    }

    /** A fresh API token for the logged-in user (the previous one stops working). */
    @PostMapping("/token")
    Map<String, String> token() {
        return Map.of("token", users.issueApiToken(currentUsers.required()));
    }

    /** Ends the browser session and revokes the API token. */
    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        currentUsers.current().ifPresent(users::revokeApiToken);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    /** Only without Twitch, and only from this machine: anyone else gets a 404 as if it did not exist. */
    @PostMapping("/dev-login")
    LoginAnswer devLogin(@RequestBody(required = false) DevLogin body, HttpServletRequest request, HttpServletResponse response) {
        if (identity.twitchConfigured() || !fromLoopback(request)) {
            throw ApiProblem.notFound("not_found", "no such endpoint");
        }
        if (body == null) {
            throw ApiProblem.invalid("invalid_request", "send {\"username\": \"...\", \"role\": \"organizer\"}");
        }
        Role role;
        try {
            role = body.role() == null ? null : Role.parse(body.role());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("invalid_role", e.getMessage());
        }
        User user = users.devLogin(body.username(), role);
        SpeedFogPrincipal principal = SpeedFogPrincipal.of(user);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return new LoginAnswer(users.issueApiToken(user), user);
    }

    static boolean fromLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
