package com.speedfog.racing.gateway.ws;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class SocketInfrastructure implements WebSocketConfigurer {

    private final ModSocketHandler mods;
    private final SpectatorSocketHandler spectators;
    private final SocketDrain drain;

    SocketInfrastructure(ModSocketHandler mods, SpectatorSocketHandler spectators, SocketDrain drain) {
        this.mods = mods;
        this.spectators = spectators;
        this.drain = drain;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Mods authenticate with their token and spectators only read: any origin may connect.
        registry.addHandler(drain.drained(mods), "/ws/mod/*").setAllowedOrigins("*");
        registry.addHandler(drain.drained(spectators), "/ws/race/*").setAllowedOrigins("*");
    }

    /** Frames above our own limit still arrive whole, so we can answer them with an error instead of a drop. */
    @Bean
    static ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(256 * 1024);
        container.setMaxBinaryMessageBufferSize(16 * 1024);
        return container;
    }

    @Bean(destroyMethod = "shutdownNow")
    static ExecutorService socketSenders() {
        return Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "socket-sender");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean(destroyMethod = "shutdownNow")
    static ScheduledExecutorService socketTimers() {
        return Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "socket-timer");
            t.setDaemon(true);
            return t;
        });
    }
}
