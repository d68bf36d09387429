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
        registry.add("speedfog.pools.root", GatewayTestBase::demoPools);
    }

    /** Pool "v4": many copies of the real v4 graph (event_map, finish_event), so socket tests know the seed. */
    public static final String V4_POOL = "v4";

    public static void addV4Pool(java.nio.file.Path root) throws java.io.IOException {
        java.nio.file.Path pool = java.nio.file.Files.createDirectories(root.resolve(V4_POOL));
        java.nio.file.Files.writeString(pool.resolve("config.toml"),
                "display_name = \"V4 test seeds\"\ndescription = \"the sample v4 graph\"\n");
        byte[] graph;
        try (java.io.InputStream in = GatewayTestBase.class.getResourceAsStream(
                "/com/speedfog/racing/seeds/demo/sample_graph_v4.json")) {
            graph = in.readAllBytes();
        }
        for (int i = 0; i < 400; i++) {
            java.nio.file.Path seed = java.nio.file.Files.createDirectories(pool.resolve("seed_" + i));
            java.nio.file.Files.write(seed.resolve("graph.json"), graph);
            java.nio.file.Files.writeString(seed.resolve("regulation.bin"), "seed file " + i);
        }
    }

    /** A pool folder of the test's own, holding the demo pool (real seed graphs and synthetic seeds). */
    static String demoPools() {
        try {
            java.nio.file.Path root = java.nio.file.Files.createTempDirectory("speedfog-pools");
            com.speedfog.racing.seeds.demo.DemoPool.install(root);
            addV4Pool(root);
            return root.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
