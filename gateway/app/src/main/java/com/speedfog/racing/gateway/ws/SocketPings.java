package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.protocol.ServerMessage;
import com.speedfog.racing.protocol.Wire;
import org.springframework.stereotype.Component;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A {@code ping} to every socket, mods and spectators, every {@code speedfog.sockets.ping-interval}. */
@Component
class SocketPings {

    SocketPings(ModRegistry mods, SpectatorBroadcaster spectators, SocketProperties limits, ScheduledExecutorService socketTimers) {
        long every = limits.pingInterval().toMillis();
        String ping = Wire.write(new ServerMessage.Ping());
        socketTimers.scheduleAtFixedRate(() -> {
            mods.forEach(c -> c.out.send(ping));
            spectators.forEach(s -> s.out.send(ping));
        }, every, every, TimeUnit.MILLISECONDS);
    }
}
