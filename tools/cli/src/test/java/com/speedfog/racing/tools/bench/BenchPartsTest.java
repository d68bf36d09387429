package com.speedfog.racing.tools.bench;

import com.speedfog.racing.tools.SpeedFogTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench's parts that need no gateway (the whole bench needs the packaged gateway, which is built after
 * this module; its quick run is in docs/performance.md).
 */
class BenchPartsTest {

    @TempDir
    Path work;

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 100; i++) {
            latencies.add(i * 1000L);
        }
        assertThat(latencies.percentileMs(0.50)).isEqualTo(50.0);
        assertThat(latencies.percentileMs(0.99)).isEqualTo(99.0);
        assertThat(latencies.percentileMs(1.0)).isEqualTo(100.0);
        assertThat(latencies.summary()).startsWith("50.0 / 95.0 / 99.0 / 100.0 ms (n=100)");
        assertThat(new Latencies().summary()).isEqualTo("no samples");
    }

    @Test
    void copiedEventsGetFreshAggregateIdsAndTokenHashesButKeepEverythingElse() {
        String race = "11111111-2222-3333-4444-555555555555";
        String user = "99999999-8888-7777-6666-555555555555";
        String copy = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
        String payload = "{\"participantId\":\"" + race + "\",\"userId\":\"" + user + "\",\"tokenHash\":\"abc123\"}";
        String rewritten = RebuildSpeed.rewrite(payload, Map.of(race, copy));
        assertThat(rewritten).contains("\"participantId\":\"" + copy + "\"").contains("\"userId\":\"" + user + "\"")
                .doesNotContain("abc123").matches(".*\"tokenHash\":\"[0-9a-f]+\".*");
    }

    @Test
    void theDatabaseCeilingCommitsRowsOnTheBenchsOwnDurablePostgres() throws Exception {
        try (BenchServer server = new BenchServer(work.resolve("none.jar"), work, List.of())) {
            server.startDatabase();
            try (java.sql.Connection c = server.connect(); java.sql.Statement s = c.createStatement()) {
                for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                    try (java.sql.ResultSet rs = s.executeQuery("show " + setting)) {
                        rs.next();
                        assertThat(rs.getString(1)).as("%s, as the gateway runs its database", setting).isEqualTo("on");
                    }
                }
            }
            // Rows are committed (how many a second is the bench's figure to report, not a test's to assert).
            assertThat(PostgresCeiling.commitsPerSecond(server, 2, java.time.Duration.ofMillis(300))).isPositive();
            assertThat(server.databasePids()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void ownCpuAndMemoryAreReadFromProc() {
        if (!ProcessStats.available()) {
            return; // not Linux
        }
        List<Long> self = List.of(ProcessHandle.current().pid());
        assertThat(ProcessStats.cpuSeconds(self)).isPositive();
        assertThat(ProcessStats.residentMiB(self)).isGreaterThan(10);
        assertThat(ProcessStats.cpuSeconds(List.of(Long.MAX_VALUE))).isZero();
    }

    @Test
    void thePackSeedIsAZipWithAGraphTheScannerWouldTake() throws Exception {
        Path zip = PackSpeed.writePool(work, 1);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.getEntry("graph.json")).isNotNull();
            assertThat(file.getEntry("mod/regulation.bin").getSize()).isEqualTo(1 << 20);
        }
        assertThat(com.speedfog.racing.seeds.pool.PoolScanner.scan(work).seedsOf(PackSpeed.POOL)).hasSize(1);
    }

    @Test
    void badUsageIsRefusedBeforeStartingAnything() {
        StringWriter output = new StringWriter();
        CommandLine cli = SpeedFogTools.commandLine();
        cli.setOut(new PrintWriter(output, true));
        assertThat(cli.execute("bench", "--gateway-jar", work.resolve("none.jar").toString())).isEqualTo(2);
        assertThat(output.toString()).contains("no gateway jar at");
        assertThat(cli.execute("bench", "--players", "101")).isEqualTo(2);
        assertThat(output.toString()).contains("--players from 1 to 100");
    }
}
