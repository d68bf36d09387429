package com.speedfog.racing.gateway.stop;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Once the stop has begun, every new request (a socket's handshake too) is answered 503 with a problem
 * detail and Retry-After, before anything runs: nothing is started that the stop would cut short.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RefuseWhileStopping extends OncePerRequestFilter {
    private final OrderlyStop stop;

    RefuseWhileStopping(OrderlyStop stop) {
        this.stop = stop;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!stop.stopping()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"the server is stopping; nothing was done, try again shortly\",\"code\":\"unavailable\"}");
    }
}
