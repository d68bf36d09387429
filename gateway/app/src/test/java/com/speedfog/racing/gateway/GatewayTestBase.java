package com.speedfog.racing.gateway;

import com.speedfog.racing.testing.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every gateway test that extends this shares one Spring context on one database of the JVM's single
 * embedded PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.newDatabase("gateway"));
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
    }
}
