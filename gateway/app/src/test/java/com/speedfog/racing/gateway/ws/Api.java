package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.protocol.Wire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** The HTTP API as a script or bot uses it: JSON and a Bearer API token. */
public final class Api {

    public record Answer(int status, JsonNode body) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final int port;
    private final String token;
    public final JsonNode user;

    private Api(int port, String token, JsonNode user) {
        this.port = port;
        this.token = token;
        this.user = user;
    }

    public static Api devLogin(int port, String username, String role) {
        Answer answer = new Api(port, null, null).call("POST", "/api/auth/dev-login",
                "{\"username\":\"" + username + "\",\"role\":\"" + role + "\"}");
        if (answer.status() != 200) {
            throw new AssertionError("dev-login failed: " + answer);
        }
        return new Api(port, answer.body().path("token").asText(), answer.body().path("user"));
    }

    public static Api anonymous(int port) {
        return new Api(port, null, null);
    }

    /** The same person (same API token) talking to the gateway node on another port. */
    public Api at(int otherPort) {
        return new Api(otherPort, token, user);
    }

    public String token() {
        return token;
    }

    public String login() {
        return user.path("login").asText();
    }

    public Answer get(String path) {
        return call("GET", path, null);
    }

    public Answer post(String path, String json) {
        return call("POST", path, json);
    }

    public JsonNode ok(Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError("expected success, got " + answer);
        }
        return answer.body();
    }

    public Answer call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = response.body().isBlank() || !isJson ? null : Wire.mapper().readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A race on the v4 test pool with these players registered; answers the race id. */
    public UUID raceWith(String name, String config, Api... players) {
        JsonNode race = ok(post("/api/races", "{\"name\":\"" + name + "\",\"pool_name\":\"v4\",\"config\":" + config + "}"));
        UUID raceId = UUID.fromString(race.path("race").path("id").asText());
        for (Api player : players) {
            ok(post("/api/races/" + raceId + "/participants", "{\"twitch_username\":\"" + player.login() + "\"}"));
        }
        return raceId;
    }

    /** Generates packs; answers each player's mod token (the last segment of their download link), in roster order. */
    public java.util.List<String> modTokens(UUID raceId) {
        JsonNode packs = ok(post("/api/races/" + raceId + "/generate-zips", null)).path("packs");
        java.util.List<String> tokens = new java.util.ArrayList<>();
        packs.forEach(p -> {
            String url = p.path("download_url").asText();
            tokens.add(url.substring(url.lastIndexOf('/') + 1));
        });
        return tokens;
    }
}
