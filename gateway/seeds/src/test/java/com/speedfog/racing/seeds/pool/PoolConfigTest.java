package com.speedfog.racing.seeds.pool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolConfigTest {

    @TempDir
    Path dir;

    private PoolConfig read(String toml) throws IOException {
        return PoolConfig.read(Files.writeString(dir.resolve("config.toml"), toml));
    }

    @Test
    void readsEveryFieldAndKeepsTheSettingsInFileOrder() throws IOException {
        PoolConfig config = read("""
                display_name = "Standard (~1h)"
                description = "Classic format, good balance"
                estimated_duration = "~1h"

                [settings]
                scale = true
                layers = 13
                paths = [4, 5]
                bosses = "major"
                weight = 1.5
                [settings.requirements]
                legacy_dungeons = 2
                """);

        assertThat(config.displayName()).isEqualTo("Standard (~1h)");
        assertThat(config.description()).isEqualTo("Classic format, good balance");
        assertThat(config.estimatedDuration()).hasValue(Duration.ofHours(1));
        assertThat(config.estimatedDurationText()).isEqualTo("~1h");
        assertThat(config.settings()).containsExactly(
                Map.entry("scale", true),
                Map.entry("layers", 13L),
                Map.entry("paths", List.of(4L, 5L)),
                Map.entry("bosses", "major"),
                Map.entry("weight", 1.5),
                Map.entry("requirements", Map.of("legacy_dungeons", 2L)));
    }

    @Test
    void onlyTheDisplayNameIsRequired() throws IOException {
        PoolConfig config = read("display_name = \"Sprint\"\n");

        assertThat(config.description()).isEmpty();
        assertThat(config.estimatedDuration()).isEmpty();
        assertThat(config.estimatedDurationText()).isEmpty();
        assertThat(config.settings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"~1h\"         | 60",
            "\"1h30\"        | 90",
            "\"~1h 30min\"   | 90",
            "\"2 hours\"     | 120",
            "\"~45min\"      | 45",
            "\"90 minutes\"  | 90",
            "\"30\"          | 30",
            "75              | 75"})
    void estimatedDurationIsMinutesOrAShortText(String value, long minutes) throws IOException {
        PoolConfig config = read("display_name = \"P\"\nestimated_duration = " + value + "\n");

        assertThat(config.estimatedDuration()).hasValue(Duration.ofMinutes(minutes));
    }

    @Test
    void durationTextIsWrittenTheWayPoolsSayIt() throws IOException {
        assertThat(read("display_name = \"P\"\nestimated_duration = 95\n").estimatedDurationText()).isEqualTo("~1h35");
        assertThat(read("display_name = \"P\"\nestimated_duration = 30\n").estimatedDurationText()).isEqualTo("~30min");
    }

    @Test
    void problemsNameTheFieldAndWhatToWrite() {
        assertProblem("description = \"x\"\n",
                "display_name is missing (the pool's name shown to organizers, e.g. display_name = \"Standard (~1h)\")");
        assertProblem("display_name = 3\n", "display_name must be a non-empty text in quotes (was 3)");
        assertProblem("display_name = \"  \"\n", "display_name must be a non-empty text in quotes (was \"  \")");
        assertProblem("display_name = \"P\"\ndescription = [1]\n", "description must be a text in quotes (was a list)");
        assertProblem("display_name = \"P\"\nestimated_duration = 0\n",
                "estimated_duration must be more than 0 minutes and at most a week (was 0)");
        assertProblem("display_name = \"P\"\nestimated_duration = true\n",
                "estimated_duration must be a number of minutes (90) or a text like \"~1h\", \"~45min\", \"1h30\" (was true)");
        assertProblem("display_name = \"P\"\nsettings = \"all\"\n",
                "settings must be a [settings] table of key = value lines (was \"all\")");
        assertProblem("", "display_name is missing (the pool's name shown to organizers, e.g. display_name = \"Standard (~1h)\")");
    }

    @Test
    void aMissingFileSaysWhatAPoolNeeds() {
        assertThatThrownBy(() -> PoolConfig.read(dir.resolve("config.toml")))
                .isInstanceOf(InvalidPoolConfigException.class)
                .hasMessageEndingWith("config.toml: not found (a pool folder needs a config.toml with at least display_name)");
    }

    private void assertProblem(String toml, String expected) {
        assertThatThrownBy(() -> read(toml))
                .isInstanceOf(InvalidPoolConfigException.class)
                .hasMessage(dir.resolve("config.toml") + ": " + expected);
    }
}
