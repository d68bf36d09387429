package com.speedfog.racing.gateway.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.protocol.Wire;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) that records every frame it receives, for tests. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(URI uri, String cookies) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (cookies != null) {
            builder.header("Cookie", cookies);
        }
        this.socket = builder.buildAsync(uri, this).join();
    }

    public static WsClient connect(int port, String path) {
        return new WsClient(URI.create("ws://localhost:" + port + path), null);
    }

    /** Connects with a browser's cookies (its session) in the handshake. */
    public static WsClient connect(int port, String path, String cookies) {
        return new WsClient(URI.create("ws://localhost:" + port + path), cookies);
    }

    public WsClient send(String json) {
        socket.sendText(json, true).join();
        return this;
    }

    /** Waits for the next frame of that type, keeping the others seen. */
    public JsonNode await(String type) {
        return await(type, m -> true);
    }

    public JsonNode await(String type, Predicate<JsonNode> matching) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try {
            while (System.nanoTime() < deadline) {
                JsonNode next = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (next != null && type.equals(next.path("type").asText()) && matching.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no '" + type + "' frame within 20 s; seen: " + seen());
    }

    public synchronized List<JsonNode> seen() {
        return List.copyOf(seen);
    }

    public int awaitClose() {
        return closed.orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode frame = Wire.mapper().readTree(partial.toString());
                synchronized (this) {
                    seen.add(frame);
                }
                inbox.add(frame);
            } catch (Exception e) {
                throw new IllegalStateException("server sent a frame that is not JSON: " + partial, e);
            } finally {
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
