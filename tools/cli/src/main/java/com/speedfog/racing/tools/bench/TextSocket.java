package com.speedfog.racing.tools.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A text WebSocket client: whole frames to a handler (partial frames joined), sends queued one after
 * another (java.net.http allows one outstanding send).
 */
final class TextSocket implements WebSocket.Listener {
    private final Consumer<String> onFrame;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    volatile boolean closed;

    private TextSocket(Consumer<String> onFrame) {
        this.onFrame = onFrame;
    }

    static TextSocket open(HttpClient http, URI uri, Consumer<String> onFrame) {
        TextSocket listener = new TextSocket(onFrame);
        listener.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                .buildAsync(uri, listener).orTimeout(30, TimeUnit.SECONDS).join();
        return listener;
    }

    synchronized void send(String frame) {
        if (closed) {
            return;
        }
        sending = sending.handle((ok, failed) -> null).thenCompose(v -> socket.sendText(frame, true));
    }

    void close() {
        closed = true;
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").orTimeout(2, TimeUnit.SECONDS);
        } catch (RuntimeException ignored) {
            socket.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            partial.append(data);
        } else if (partial.isEmpty()) {
            onFrame.accept(data.toString());
        } else {
            partial.append(data);
            String frame = partial.toString();
            partial.setLength(0);
            onFrame.accept(frame);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
    }
}
