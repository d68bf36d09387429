package com.speedfog.racing.gateway.pages;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The race page while simulated mods race: markers move, the leaderboard reorders, gaps appear, IGT ticks. */
class LiveRacePageTest extends PageTestBase {

    static final String START = "chapel_start_4f96";
    static final String ACADEMY = "academy_d5a9";
    static final String MANOR = "liurnia_manor_9103";
    static final String GARGOYLES = "siofra_nokron_gargoyles_fd23";
    static final String FLAME_PEAK = "flamepeak_grave_boss_1624";

    @Test
    void theRacePageFollowsARaceLiveAndHidesTheMapFromARunningPlayer() {
        try (SimulatedRace race = SimulatedRace.running(port, "Live race", "{\"countdown_seconds\":3}",
                "live_ann", "live_ben", "live_cid")) {
            String ann = race.participantIds.get(0);
            String ben = race.participantIds.get(1);
            String cid = race.participantIds.get(2);

            open("/race/" + race.raceId); // the friendly address, forwarded to race.html
            waitFor("the race running", d -> text("#race-status").equals("running"));
            waitFor("the seed's 16 nodes", d -> findAll("#dag .dag-node").size() == 16);
            waitFor("three markers on the start", d -> List.of(ann, ben, cid).stream().allMatch(p -> START.equals(markerNode(p))));
            assertThat(find("#map-veil").isDisplayed()).as("spectators see the map during the race").isFalse();
            assertThat(text("#connection")).isEqualTo("live");
            double annXAtStart = markerX(ann);

            race.enter(2, ACADEMY, 50_000);
            race.enter(2, GARGOYLES, 100_000);
            race.enter(2, FLAME_PEAK, 150_000);
            race.enter(0, ACADEMY, 60_000);
            long annAt120 = System.nanoTime(); // the page ticks ann's IGT on from 2:00 once it has this update
            race.enter(0, GARGOYLES, 120_000);
            race.enter(1, MANOR, 70_000);

            waitFor("markers on the players' nodes", d -> FLAME_PEAK.equals(markerNode(cid))
                    && GARGOYLES.equals(markerNode(ann)) && MANOR.equals(markerNode(ben)));
            waitFor("the leaderboard reordered", d -> boardOrder().equals(List.of(cid, ann, ben)));
            waitFor("gaps to the leader", d -> cell(cid, "gap").equals("±0:00") && cell(ann, "gap").equals("+0:20")
                    && cell(ben, "gap").equals("+0:20"));
            assertThat(cell(cid, "layer")).isEqualTo("3/12");
            assertThat(cell(ann, "layer")).isEqualTo("2/12");
            assertThat(findAll(".dag-path[data-participant='" + cid + "']")).as("cid's path is drawn").hasSize(1);
            // The marker really moved on screen (after its slide).
            waitFor("ann's marker moved right", d -> markerX(ann) > annXAtStart + 100);

            // IGT ticks between updates while a player runs.
            int before = seconds(cell(ann, "igt"));
            long sinceTheUpdate = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - annAt120);
            assertThat(before).as("2:00 plus the time since").isBetween(120, 121 + (int) sinceTheUpdate);
            waitFor("ann's IGT ticking", Duration.ofSeconds(5), d -> seconds(cell(ann, "igt")) >= before + 2);
            screenshot("race-live");

            // A player still running sees their pack and a hidden map; once finished, the map.
            devLogin("live_ben", "user");
            open("/race.html?id=" + race.raceId);
            waitFor("the player's panel", d -> find("#me-panel").isDisplayed());
            assertThat(find("#my-pack").getDomAttribute("href")).isEqualTo("/api/races/" + race.raceId + "/my-pack");
            waitFor("the hidden map", d -> find("#map-veil").isDisplayed());
            assertThat(text("#map-veil")).contains("hidden while you race");
            assertThat(findAll(".dag-marker")).as("no positions for a running player").isEmpty();
            assertThat(find("#leaderboard tr.me").getDomAttribute("data-participant")).isEqualTo(ben);
            screenshot("race-player-view");

            race.finish(1, 400_000);
            waitFor("the map revealed to the finisher", d -> !find("#map-veil").isDisplayed()
                    && findAll(".dag-marker").size() == 3);
            waitFor("ben first, finished", d -> boardOrder().get(0).equals(ben) && cell(ben, "layer").equals("done"));
            assertThat(cell(ben, "igt")).isEqualTo("6:40");
        }
    }

    @Test
    void aDroppedConnectionShowsReconnectingThenResyncs() {
        try (SimulatedRace race = SimulatedRace.running(port, "Flaky race", "{}", "rc_ann", "rc_ben");
             TcpProxy network = new TcpProxy(port)) {
            String ann = race.participantIds.get(0);
            browser.get("http://localhost:" + network.port() + "/race.html?id=" + race.raceId);
            waitFor("live", d -> "live".equals(find("#connection").getDomAttribute("data-state")));
            waitFor("ann on the start", d -> START.equals(markerNode(ann)));

            network.cut();
            waitFor("the page saying so", d -> "reconnecting".equals(find("#connection").getDomAttribute("data-state")));
            assertThat(text("#connection")).isEqualTo("reconnecting…");
            screenshot("race-reconnecting");
            race.enter(0, ACADEMY, 45_000); // missed while disconnected

            network.restore();
            waitFor("live again", Duration.ofSeconds(20), d -> "live".equals(find("#connection").getDomAttribute("data-state")));
            waitFor("the missed move, from the fresh race_state", d -> ACADEMY.equals(markerNode(ann)));
            assertThat(cell(ann, "layer")).isEqualTo("1/12");
        }
    }

    private String markerNode(String participantId) {
        List<String> node = attributes(".dag-marker[data-participant='" + participantId + "']", "data-node");
        return node.isEmpty() ? null : node.get(0);
    }

    private double markerX(String participantId) {
        return find(".dag-marker[data-participant='" + participantId + "'] circle").getRect().getX();
    }

    private List<String> boardOrder() {
        return attributes("#leaderboard tbody tr", "data-participant");
    }

    private String cell(String participantId, String column) {
        return text("#leaderboard tr[data-participant='" + participantId + "'] td." + column);
    }

    static int seconds(String clock) {
        int total = 0;
        for (String part : clock.split(":")) {
            total = total * 60 + Integer.parseInt(part.trim());
        }
        return total;
    }
}
