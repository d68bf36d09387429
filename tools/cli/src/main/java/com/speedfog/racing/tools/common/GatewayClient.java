package com.speedfog.racing.tools.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(options.server.toString().replaceAll("/+$", "") + path))
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
