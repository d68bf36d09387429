package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.protocol.Wire;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twitch's Helix {@code /users} endpoint on loopback, for the login test: mock-oauth2-server plays
 * Twitch's OAuth server, this answers "who is this token" in Helix's shape from the token's claims, and
 * refuses calls without the right Client-Id header as Twitch does.
 */
final class TwitchStandIn implements AutoCloseable {
    final HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    private final String clientId;

    TwitchStandIn(String clientId) throws IOException {
        this.clientId = clientId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/helix/users", exchange -> {
            calls.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String client = exchange.getRequestHeaders().getFirst("Client-Id");
            byte[] body;
            int status;
            if (!clientId.equals(client) || auth == null || !auth.startsWith("Bearer ")) {
                status = 401;
                body = "{\"error\":\"Unauthorized\",\"message\":\"Client-Id header required\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                JsonNode claims = Wire.mapper().readTree(Base64.getUrlDecoder().decode(auth.substring(7).split("\\.")[1]));
                status = 200;
                body = ("{\"data\":[{\"id\":\"" + claims.path("sub").asText() + "\",\"login\":\"" + claims.path("login").asText()
                        + "\",\"display_name\":\"" + claims.path("display_name").asText() + "\",\"profile_image_url\":"
                        + "\"https://static-cdn.example/" + claims.path("login").asText() + ".png\"}]}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String usersUrl() {
        return "http://localhost:" + server.getAddress().getPort() + "/helix/users";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
