package com.speedfog.racing.gateway.ws;

import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reader whose network write hangs must not hold back the producer or the other readers: its queue
 * fills, it is closed with 4008, the others get every frame.
 */
class OutboundQueueTest {

    record FakeSession(org.springframework.web.socket.WebSocketSession session, List<String> sent,
                       AtomicReference<CloseStatus> closed) {
    }

    /** A session whose sendMessage blocks until released (a stalled TCP write), or records at once. */
    static FakeSession session(CountDownLatch stall) {
        List<String> sent = new CopyOnWriteArrayList<>();
        AtomicReference<CloseStatus> closed = new AtomicReference<>();
        Object proxy = Proxy.newProxyInstance(OutboundQueueTest.class.getClassLoader(),
                new Class<?>[]{org.springframework.web.socket.WebSocketSession.class, NativeWebSocketSession.class},
                (self, method, args) -> switch (method.getName()) {
                    case "sendMessage" -> {
                        if (stall != null) {
                            stall.await(30, TimeUnit.SECONDS);
                        }
                        sent.add(String.valueOf(((WebSocketMessage<?>) args[0]).getPayload()));
                        yield null;
                    }
                    case "isOpen" -> closed.get() == null;
                    case "close" -> {
                        closed.set(args.length > 0 ? (CloseStatus) args[0] : CloseStatus.NORMAL);
                        yield null;
                    }
                    case "getId" -> String.valueOf(System.identityHashCode(sent));
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    case "toString" -> "fake session";
                    default -> null;
                });
        return new FakeSession((org.springframework.web.socket.WebSocketSession) proxy, sent, closed);
    }

    @Test
    void aStalledReaderIsDroppedWithoutSlowingTheOthers() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(2);
        CountDownLatch stall = new CountDownLatch(1);
        try {
            FakeSession slow = session(stall);
            FakeSession fast = session(null);
            OutboundQueue slowQueue = new OutboundQueue(slow.session(), senders, 32);
            OutboundQueue fastQueue = new OutboundQueue(fast.session(), senders, 32);
            long sendingToTheStalledOne = 0;
            for (int i = 0; i < 200; i++) {
                long before = System.nanoTime();
                slowQueue.send("frame " + i);
                sendingToTheStalledOne += System.nanoTime() - before;
                fastQueue.send("frame " + i);
                if (i % 20 == 19) {
                    // A real reader keeps up: the producer lets the fast one catch up (however slow the
                    // machine), never the stalled one; 20 frames fit in its queue of 32 meanwhile.
                    int sentSoFar = i + 1;
                    await("the fast reader took frame " + i).atMost(Duration.ofSeconds(10))
                            .until(() -> fast.sent().size() >= sentSoFar);
                }
            }
            assertThat(Duration.ofNanos(sendingToTheStalledOne)).as("the producer never waited on the stalled reader")
                    .isLessThan(Duration.ofSeconds(5));
            await("the stalled reader closed").atMost(Duration.ofSeconds(10)).until(() -> slow.closed().get() != null);
            assertThat(slow.closed().get()).isEqualTo(OutboundQueue.TOO_SLOW);
            assertThat(fast.sent()).hasSize(200).startsWith("frame 0").endsWith("frame 199");
            assertThat(fast.closed().get()).isNull();
        } finally {
            stall.countDown();
            senders.shutdownNow();
        }
    }
}
