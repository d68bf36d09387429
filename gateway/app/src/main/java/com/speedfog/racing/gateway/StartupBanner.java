package com.speedfog.racing.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells the person who started the server where to go. */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {
    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            log.info("SpeedFog Racing is up: open http://localhost:{}/ (health: http://localhost:{}/actuator/health)",
                    event.getWebServer().getPort(), event.getWebServer().getPort());
        }
    }
}
