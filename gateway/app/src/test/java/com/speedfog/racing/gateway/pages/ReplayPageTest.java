package com.speedfog.racing.gateway.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.speedfog.racing.gateway.pages.LiveRacePageTest.ACADEMY;
import static com.speedfog.racing.gateway.pages.LiveRacePageTest.FLAME_PEAK;
import static com.speedfog.racing.gateway.pages.LiveRacePageTest.GARGOYLES;
import static com.speedfog.racing.gateway.pages.LiveRacePageTest.MANOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The replay rebuilds positions and standings at a chosen in-game instant from the timeline. */
class ReplayPageTest extends PageTestBase {

    @Test
    void theReplayShowsTheRaceAtAChosenInstant() {
        String ann;
        String ben;
        String cid;
        java.util.UUID raceId;
        try (SimulatedRace race = SimulatedRace.running(port, "Replayed race", "{}", "rp_ann", "rp_ben", "rp_cid")) {
            raceId = race.raceId;
            ann = race.participantIds.get(0);
            ben = race.participantIds.get(1);
            cid = race.participantIds.get(2);
            race.enter(2, ACADEMY, 50_000);
            race.enter(0, ACADEMY, 60_000);
            race.enter(1, MANOR, 90_000);
            race.status(2, 100_000, 2);
            race.enter(0, GARGOYLES, 120_000);
            race.enter(0, FLAME_PEAK, 180_000);
            race.enter(1, GARGOYLES, 200_000);
            race.finish(0, 600_000);
            race.finish(1, 700_000);
            // cid never finishes: the organizer ends the race (cid did not finish).
            race.organizer.ok(race.organizer.post("/api/races/" + raceId + "/finish", null));
            awaitTimeline(race, "ParticipantClosed"); // the saga closes cid after the finish
        }

        open("/replay.html?id=" + raceId);
        waitFor("one line per player in the chart", d -> findAll("#chart path[data-participant]").size() == 3);
        waitFor("the map", d -> findAll("#dag .dag-node").size() == 16);

        seek(150_000);
        assertThat(text("#clock")).isEqualTo("2:30");
        waitFor("positions at 2:30", d -> GARGOYLES.equals(markerNode(ann)) && MANOR.equals(markerNode(ben))
                && ACADEMY.equals(markerNode(cid)));
        assertThat(boardOrder()).containsExactly(ann, cid, ben);
        assertThat(cell(ann, "gap")).isEqualTo("±0:00");
        assertThat(cell(ben, "gap")).isEqualTo("+0:40");
        assertThat(cell(cid, "deaths")).isEqualTo("2");
        assertThat(cell(ann, "igt")).isEqualTo("2:30");
        screenshot("replay-2m30");

        seek(650_000);
        waitFor("positions at 10:50", d -> GARGOYLES.equals(markerNode(ben)) && "done".equals(cell(ann, "layer")));
        assertThat(markerNode(ann)).as("a finisher stays on the last node entered").isEqualTo(FLAME_PEAK);
        assertThat(boardOrder()).containsExactly(ann, ben, cid);
        assertThat(cell(ann, "igt")).isEqualTo("10:00");

        seek(Long.MAX_VALUE);
        waitFor("the end: cid did not finish", d -> cell(cid, "layer").equals("DNF"));
        assertThat(cell(ben, "gap")).isEqualTo("+1:40");

        // Splits per layer, the best highlighted.
        assertThat(texts("#splits tbody tr:first-child td")).containsExactly("1:00", "1:30", "0:50");
        assertThat(attributes("#splits tbody tr:first-child td", "class").get(2)).contains("best");
        assertThat(find("#export-csv").getDomAttribute("href")).isEqualTo("/api/races/" + raceId + "/events?format=csv");
        assertThat(find("#export-jsonl").getDomAttribute("href")).isEqualTo("/api/races/" + raceId + "/events?format=jsonl");

        // Play at 16x moves the clock on.
        seek(150_000);
        new org.openqa.selenium.support.ui.Select(find("#speed")).selectByValue("16");
        find("#play").click();
        waitFor("the replay playing", Duration.ofSeconds(5), d -> clockMs() > 160_000);
        find("#play").click();
        assertThat(text("#play")).isEqualTo("Play");
        screenshot("replay");

        // The history lists it with its results.
        open("/history.html");
        waitFor("the finished race", d -> !findAll("[data-race='" + raceId + "']").isEmpty());
        assertThat(text("[data-race='" + raceId + "'] .results")).contains("rp_ann").contains("10:00").contains("DNF");
        screenshot("history");
    }

    private void awaitTimeline(SimulatedRace race, String type) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode timeline = race.organizer.ok(race.organizer.get("/api/races/" + race.raceId + "/timeline"));
            for (JsonNode entry : timeline) {
                if (entry.path("type").asText().equals(type)) {
                    return;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("no " + type + " in the timeline within 15 s");
    }

    /** Moves the scrubber as a user dragging it would (an input event), clamped to the race. */
    private void seek(long igtMs) {
        script("const s = document.getElementById('scrubber'); s.value = String(Math.min(arguments[0], Number(s.max)));"
                + "s.dispatchEvent(new Event('input', {bubbles: true}));", igtMs);
    }

    private long clockMs() {
        return Long.parseLong(find("#clock").getDomAttribute("data-ms"));
    }

    private String markerNode(String participantId) {
        List<String> node = attributes(".dag-marker[data-participant='" + participantId + "']", "data-node");
        return node.isEmpty() ? null : node.get(0);
    }

    private List<String> boardOrder() {
        return attributes("#leaderboard tbody tr", "data-participant");
    }

    private String cell(String participantId, String column) {
        return text("#leaderboard tr[data-participant='" + participantId + "'] td." + column);
    }
}
