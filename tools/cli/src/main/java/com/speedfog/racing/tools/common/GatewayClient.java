package com.speedfog.racing.tools.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** JSON over HTTP to the gateway, with errors a person can act on. */
public class GatewayClient {

    /** A failure to report to the user as it is, then exit 1. */
    public static class GatewayException extends RuntimeException {
        public GatewayException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ServerOptions options;

    public GatewayClient(ServerOptions options) {
        this.options = options;
    }

    public JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    public JsonNode post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public JsonNode delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** POSTs {@code body} as JSON. */
    public JsonNode post(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
    }

    /** The same gateway with another API token. */
    public GatewayClient withToken(String token) {
        ServerOptions other = new ServerOptions();
        other.server = options.server;
        other.token = token;
        return new GatewayClient(other);
    }

    /** The gateway's base URL, without a trailing slash. */
    public String baseUrl() {
        return options.server.toString().replaceAll("/+$", "");
    }

    /**
     * Saves what {@code pathOrUrl} answers (a path on the gateway, or a full URL such as a pack's
     * download link) into {@code file}.
     */
    public void download(String pathOrUrl, Path file) {
        HttpRequest request = (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")
                ? HttpRequest.newBuilder(URI.create(pathOrUrl)).timeout(Duration.ofSeconds(60))
                : request(pathOrUrl)).GET().build();
        try {
            HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() >= 400) {
                String body = Files.readString(file);
                Files.deleteIfExists(file);
                throw new GatewayException("GET " + request.uri() + " answered " + response.statusCode() + ": " + detail(body));
            }
        } catch (ConnectException e) {
            throw new GatewayException("cannot reach the gateway at " + options.server
                    + " (is it running? use --server to point elsewhere)");
        } catch (IOException e) {
            throw new GatewayException("downloading " + request.uri() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted");
        }
    }

    /** The problem's detail when the body is a problem document, else the body itself. */
    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem == null ? body : problem.path("detail").asText(problem.path("title").asText(body));
        } catch (IOException notJson) {
            return body;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (options.token != null && !options.token.isBlank()) {
            builder.header("Authorization", "Bearer " + options.token);
        }
        return builder;
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                String detail = body.path("detail").asText(body.path("title").asText(response.body()));
                throw new GatewayException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + detail);
            }
            return body;
        } catch (ConnectException e) {
            throw new GatewayException("cannot reach the gateway at " + options.server
                    + " (is it running? use --server to point elsewhere)");
        } catch (IOException e) {
            throw new GatewayException("talking to " + request.uri() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted");
        }
    }
}
