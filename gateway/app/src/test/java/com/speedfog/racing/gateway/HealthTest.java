package com.speedfog.racing.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest extends GatewayTestBase {

    @Autowired
    TestRestTemplate http;

    @Test
    void theApiDescribesItselfInOpenApi() {
        ResponseEntity<Map> api = http.getForEntity("/v3/api-docs", Map.class);
        assertThat(api.getStatusCode().is2xxSuccessful()).isTrue();
        Map<?, ?> paths = (Map<?, ?>) api.getBody().get("paths");
        assertThat(paths.keySet()).extracting(Object::toString).contains("/api/races", "/api/races/{raceId}/start",
                "/api/pools", "/api/auth/dev-login", "/api/invite/{token}/accept", "/api/races/{raceId}/events");
    }

    @Test
    void theServerIsHealthy() {
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(health.getBody()).containsEntry("status", "UP");
    }
}
