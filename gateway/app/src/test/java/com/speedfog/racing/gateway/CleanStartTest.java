package com.speedfog.racing.gateway;

import com.speedfog.racing.gateway.reliability.GatewayProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first start, in a JVM of its own: nothing configured, an empty folder to run in (the
 * embedded PostgreSQL and the demo pool are created there). A WARN at start must mean something, so
 * the only one is the notice that the development login is open (no Twitch application configured).
 */
class CleanStartTest {
    /** Spring Boot's console format: timestamp, then the level. */
    private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s.*");

    @Test
    void aFreshStartWarnsOnlyThatTheDevelopmentLoginIsOpen(@TempDir Path folder) throws Exception {
        List<String> warnings;
        try (GatewayProcess gateway = GatewayProcess.startWithDefaults("clean-start", GatewayProcess.freePort(),
                folder, Path.of("target", "node-logs"))) {
            List<String> log = Files.readAllLines(gateway.log);
            assertThat(log).as("the log says where to go").anyMatch(line -> line.contains("http://localhost:" + gateway.port + "/"));
            warnings = log.stream().filter(line -> WARN_OR_ERROR.matcher(line).matches()).toList();
        }
        assertThat(warnings).as("WARN and ERROR lines of a healthy first start").singleElement()
                .asString().contains("Twitch login is not configured");
        assertThat(folder.resolve("data/postgres")).as("the embedded database's files").isDirectory();
        assertThat(folder.resolve("data/pools/demo")).as("the demo pool").isDirectory();
    }
}
