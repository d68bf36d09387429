package com.speedfog.racing.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The SpeedFog Racing server: REST, WebSockets, command and query side, projections, in one process. */
@SpringBootApplication(scanBasePackages = "com.speedfog.racing")
@ConfigurationPropertiesScan("com.speedfog.racing")
public class SpeedFogGatewayApplication {

    public static void main(String[] args) {
        disableUpdateChecker();
        SpringApplication.run(SpeedFogGatewayApplication.class, args);
    }

    /** The machines this runs on have no internet: never let Axon phone home. */
    public static void disableUpdateChecker() {
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
