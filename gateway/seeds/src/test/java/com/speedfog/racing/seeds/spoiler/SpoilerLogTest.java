package com.speedfog.racing.seeds.spoiler;

import com.speedfog.racing.seeds.demo.DemoFiles;
import com.speedfog.racing.seeds.fog.FogData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real spoiler log of a FogRando run (seed 561689827), and small logs for the rules. */
class SpoilerLogTest {

    private static final SpoilerLog REAL = SpoilerLog.parse(new ByteArrayInputStream(DemoFiles.spoilerLog()), "demo log");

    private static SpoilerLog parse(String text) {
        return SpoilerLog.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "log.txt");
    }

    @Test
    void readsTheSeedTheZonesAndEveryLinkOfARealLog() {
        assertThat(REAL.seed()).isEqualTo(561689827L);
        assertThat(REAL.randomLinks()).hasSize(151);
        assertThat(REAL.links()).hasSize(480);
        assertThat(REAL.links().get(0)).isEqualTo(new ZoneLink("Chapel of Anticipation", "Stormveil Castle after Gate",
                LinkKind.RANDOM, "before Grafted Scion's arena", "before Godrick's arena"));
        assertThat(REAL.areas().get(0)).isEqualTo(new SpoilerArea("Chapel of Anticipation", OptionalInt.of(1),
                OptionalInt.of(6), false, false));
        assertThat(REAL.area("Mt. Gelmir - Gelmir Hero's Grave - Red Wolf of the Champion").orElseThrow().boss()).isTrue();
        assertThat(REAL.area("Before Astel, Naturalborn of the Void").orElseThrow().previousTier()).isEmpty();
        assertThat(REAL.area("Divine Tower of Limgrave after Sending Gate").orElseThrow())
                .as("an optional zone without ways in").extracting(SpoilerArea::optional, SpoilerArea::tier)
                .containsExactly(true, OptionalInt.empty());
    }

    @Test
    void aPreexistingWayKeepsItsHowAndDropsTheItemsItNeeds() {
        assertThat(REAL.link("Stormveil Castle before Gate", "Stormveil Castle after Gate")).hasValue(new ZoneLink(
                "Stormveil Castle before Gate", "Stormveil Castle after Gate", LinkKind.PREEXISTING, "",
                "with Rusty Key or talking to Gostoc"));
        assertThat(REAL.link("Ancient Ruins of Rauh - After Romina", "Farum Azula - Crumbling Beast Grave").orElseThrow()
                .targetDetails()).isEqualTo("arriving at the start of Farum Azula");
        assertThat(REAL.linksFrom("Farum Azula - Dragon Temple")).extracting(ZoneLink::sourceDetails)
                .contains("before back left of Godskin Duo arena, by the crumbled stairs", "outside the balcony above Godskin Duo's arena");
    }

    @Test
    void everyZoneOfTheRealLogIsAnAreaOfFogTxt() {
        FogData fog = FogData.bundled();
        assertThat(REAL.areas()).allSatisfy(area -> assertThat(fog.areasWithText(area.name())).as(area.name()).isNotEmpty());
    }

    @Test
    void aLogWithoutScalingStartsAtTheFirstZoneWithAWayIn() {
        SpoilerLog log = parse("""
                Options and seed: crawl seed:42
                Some introduction
                  with an indented line
                Stormveil Castle after Gate
                  Random: Chapel of Anticipation (before Grafted Scion's arena (the first one)) --> Stormveil Castle after Gate (before Godrick's arena), using an item from Ainsel River
                >>>>>>>>>>>>>>>>>>>>>>>>
                Optional areas:
                Roundtable Hold
                  Preexisting: Chapel of Anticipation --> Roundtable Hold, using items from Limgrave

                Finished 42
                  Random: Not (a) --> Read (at all)
                """);

        assertThat(log.seed()).isEqualTo(42);
        assertThat(log.links()).containsExactly(
                new ZoneLink("Chapel of Anticipation", "Stormveil Castle after Gate", LinkKind.RANDOM,
                        "before Grafted Scion's arena (the first one)", "before Godrick's arena"),
                new ZoneLink("Chapel of Anticipation", "Roundtable Hold", LinkKind.PREEXISTING, "", ""));
        assertThat(log.areas()).extracting(SpoilerArea::name)
                .containsExactly("Stormveil Castle after Gate", "Roundtable Hold", "Chapel of Anticipation");
        assertThat(log.area("Roundtable Hold").orElseThrow().optional()).isTrue();
    }

    @Test
    void whatIsNotASpoilerLogIsRefusedWithWhatToFix(@TempDir Path dir) {
        assertThatThrownBy(() -> parse("")).isInstanceOf(InvalidSpoilerLogException.class)
                .hasMessage("log.txt: the file is empty");
        assertThatThrownBy(() -> parse("{\"nodes\": {}}\n")).isInstanceOf(InvalidSpoilerLogException.class)
                .hasMessageStartingWith("log.txt: line 1 should be 'Options and seed: ... seed:<number>'");
        assertThatThrownBy(() -> parse("Options and seed: seed:99999999999999999999\n"))
                .hasMessage("log.txt: line 1: seed 99999999999999999999 is too large");
        assertThatThrownBy(() -> parse("Options and seed: seed:1\nnothing here\n"))
                .hasMessageStartingWith("log.txt: no zone list found");
        assertThatThrownBy(() -> parse("Options and seed: seed:1\nA (scaling: tier 1)\n  Random: A (x --> B (y)\n"))
                .hasMessage("log.txt: line 3: unbalanced brackets in 'A (x'");
        assertThatThrownBy(() -> parse("Options and seed: seed:1\nA (scaling: tier 1)\n  what is this\n"))
                .hasMessage("log.txt: line 3 is indented but is not '  Random: A (where) --> B (where)' or"
                        + " '  Preexisting: A --> B (how)': what is this");
        assertThatThrownBy(() -> parse("Options and seed: seed:1\nA (scaling: tier 1)\n"))
                .hasMessageStartingWith("log.txt: no zone links found");
        assertThatThrownBy(() -> SpoilerLog.parse(dir.resolve("missing.txt")))
                .hasMessage(dir.resolve("missing.txt") + ": file not found");
    }
}
