package com.speedfog.racing.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The addresses people and overlays use to reach this server: {@code speedfog.public-url} when set
 * (behind a proxy), otherwise the address of the current request.
 */
@Component
public class PublicUrls {

    private final String configured;

    public PublicUrls(@Value("${speedfog.public-url:}") String configured) {
        this.configured = configured.replaceAll("/+$", "");
    }

    public String httpBase() {
        return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : configured;
    }

    /** ws:// or wss:// base an overlay connects to (it appends /ws/mod/{race_id}). */
    public String webSocketBase() {
        return httpBase().replaceFirst("^http", "ws");
    }
}
