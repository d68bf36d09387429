package com.speedfog.racing.gateway.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/** {@code Authorization: Bearer <api token>} authenticates scripts, bots and tools, for one request. */
public class BearerTokenFilter extends OncePerRequestFilter {

    static final String PREFIX = "Bearer ";
    private final UserService users;

    public BearerTokenFilter(UserService users) {
        this.users = users;
    }

    public static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<User> user = users.byApiToken(request.getHeader("Authorization").substring(PREFIX.length()).strip());
        if (user.isEmpty()) {
            // Never echo the token: it may be someone's secret pasted in the wrong place.
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"this API token is not valid (revoked, or never issued)\",\"code\":\"invalid_token\"}");
            return;
        }
        SpeedFogPrincipal principal = SpeedFogPrincipal.of(user.get());
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
