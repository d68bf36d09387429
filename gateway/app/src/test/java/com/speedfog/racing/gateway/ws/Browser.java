package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.protocol.Wire;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A browser as far as the gateway can tell: cookies, redirects followed one by one, the CSRF header. */
final class Browser {
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    final int port;

    Browser(int port) {
        this.port = port;
    }

    /** Follows redirects from a path of the gateway; answers the last response. */
    HttpResponse<String> visit(String path) {
        URI next = URI.create("http://localhost:" + port + path);
        HttpResponse<String> response = null;
        for (int hop = 0; hop < 10; hop++) {
            response = send(HttpRequest.newBuilder(next).GET().build());
            if (response.statusCode() / 100 != 3) {
                return response;
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        return response;
    }

    /** The cookies as a {@code Cookie} header, for a WebSocket handshake from this browser. */
    String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    Api.Answer post(String path, String json, boolean withCsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (withCsrf && csrfToken() != null) {
            request.header("X-XSRF-TOKEN", csrfToken());
        }
        return answer(send(request.build()));
    }

    Api.Answer get(String path) {
        return answer(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Api.Answer answer(HttpResponse<String> response) {
        try {
            JsonNode body = response.body().isBlank() ? null : Wire.mapper().readTree(response.body());
            return new Api.Answer(response.statusCode(), body);
        } catch (IOException e) {
            return new Api.Answer(response.statusCode(), null);
        }
    }
}
