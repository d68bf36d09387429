package com.speedfog.racing.seeds.demo;

import com.speedfog.racing.seeds.TestSeeds;
import com.speedfog.racing.seeds.graph.SeedGraph;
import com.speedfog.racing.seeds.pack.RacePackSettings;
import com.speedfog.racing.seeds.pack.SeedPackWriter;
import com.speedfog.racing.seeds.pool.Pool;
import com.speedfog.racing.seeds.pool.PoolScanner;
import com.speedfog.racing.seeds.pool.ScanResult;
import com.speedfog.racing.seeds.pool.Seed;
import com.speedfog.racing.seeds.pool.SeedGraphLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPoolTest {

    @TempDir
    Path root;

    @Test
    void anEmptyRootGetsADemoPoolWithSixRaceableSeeds() throws IOException {
        Path pools = root.resolve("pools"); // created on the way

        assertThat(DemoPool.install(pools)).isTrue();

        ScanResult scan = PoolScanner.scan(pools);
        assertThat(scan.rejectedPools()).isEmpty();
        assertThat(scan.rejectedSeeds()).isEmpty();
        Pool demo = scan.pool("demo").orElseThrow();
        assertThat(demo.config().displayName()).isEqualTo("Demo");
        assertThat(demo.config().description()).contains("Example seeds to try the platform");
        assertThat(demo.config().estimatedDuration()).hasValue(Duration.ofHours(1));
        assertThat(demo.config().settings()).containsEntry("playable_in_game", false);
        assertThat(scan.seedsOf("demo")).extracting(Seed::id).containsExactly(
                "demo/speedfog_sample_v3", "demo/speedfog_sample_v4",
                "demo/synthetic_1001", "demo/synthetic_1002", "demo/synthetic_1003", "demo/synthetic_1004");
        assertThat(Files.readAllBytes(pools.resolve("demo/speedfog_sample_v4/graph.json"))).isEqualTo(TestSeeds.graphV4());
        assertThat(Files.readAllBytes(pools.resolve("demo/speedfog_sample_v3/graph.json"))).isEqualTo(TestSeeds.graphV3());
        assertThat(scan.seed("demo/synthetic_1004").orElseThrow().summary().totalLayers()).isEqualTo(16);
        for (Seed seed : scan.seeds()) {
            SeedGraph graph = SeedGraphLoader.load(seed);
            assertThat(graph.startNode().zones()).as(seed.id()).containsExactly("chapel_start");
            ByteArrayOutputStream pack = new ByteArrayOutputStream();
            SeedPackWriter.write(seed, RacePackSettings.withDefaults("ws://localhost:8080", UUID.randomUUID(), "t"), pack);
            assertThat(pack.size()).as(seed.id()).isPositive();
        }
        try (Stream<Path> children = Files.list(pools)) {
            assertThat(children.map(p -> p.getFileName().toString())).containsExactly("demo"); // no leftovers
        }
    }

    @Test
    void installingTwiceChangesNothing() throws IOException {
        assertThat(DemoPool.install(root)).isTrue();
        Path config = root.resolve("demo/config.toml");
        Files.writeString(config, "display_name = \"Demo, edited\"\n");

        assertThat(DemoPool.install(root)).isFalse();

        assertThat(Files.readString(config)).isEqualTo("display_name = \"Demo, edited\"\n");
    }

    @Test
    void anyExistingPoolMeansNoDemo() throws IOException {
        TestSeeds.pool(root, "standard", "Standard");
        Files.createDirectories(root.resolve("not_a_pool"));

        assertThat(DemoPool.install(root)).isFalse();

        assertThat(root.resolve("demo")).doesNotExist();
    }

    @Test
    void foldersThatAreNotPoolsDoNotPreventTheDemo() throws IOException {
        Files.createDirectories(root.resolve("notes"));

        assertThat(DemoPool.install(root)).isTrue();

        assertThat(PoolScanner.scan(root).pools()).extracting(Pool::name).containsExactly("demo");
    }
}
