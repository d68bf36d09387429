package com.speedfog.racing.gateway.pages;

import com.speedfog.racing.gateway.ws.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An organizer, by clicks only: dev login, create a race, add players, generate packs, start in N s. */
class OrganizerFlowPageTest extends PageTestBase {

    @Test
    void anOrganizerCreatesFillsAndStartsARace() {
        Api.devLogin(port, "flow_p1", "user");
        Api.devLogin(port, "flow_p2", "user");
        // The organizer is in Paris: the start picker is in their time zone, the API gets UTC.
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Paris"));

        devLogin("flow_orga", "organizer");
        assertThat(find(".topbar .avatar").isDisplayed()).as("the user's avatar").isTrue();
        screenshot("home-logged-in");

        waitFor("the create button for organizers", d -> find("#create-race").isDisplayed());
        find("#create-race").click();
        waitFor("the pools", d -> !findAll("#pool option[value=v4]").isEmpty());
        find("#race-name").sendKeys("Clicked together");
        new Select(find("#pool")).selectByValue("v4");
        waitFor("the pool's description", d -> text("#pool-info").contains("the sample v4 graph"));
        assertThat(text("#pool-available")).matches("\\d+ seeds available");
        find("#countdown-seconds").clear();
        find("#countdown-seconds").sendKeys("5");
        find("#open-registration").click();
        screenshot("create");
        find("#create").click();

        waitFor("the manage page", d -> d.getCurrentUrl().contains("/manage.html?id="));
        waitFor("the race's name", d -> text("#race-name").equals("Clicked together"));
        String raceId = browser.getCurrentUrl().replaceAll(".*[?&]id=([0-9a-f-]{36}).*", "$1");

        addPlayer("flow_p1");
        waitFor("flow_p1 on the roster", d -> rosterNames().contains("flow_p1"));
        addPlayer("flow_p2");
        waitFor("flow_p2 on the roster", d -> rosterNames().equals(List.of("flow_p1", "flow_p2")));
        assertThat(text("#notice")).isEqualTo("flow_p2 was added.");

        // Someone who never logged in gets an invite link to copy.
        addPlayer("never_seen_yet");
        waitFor("an invite link", d -> !findAll("#invites input").isEmpty());
        assertThat(find("#invites input").getDomProperty("value")).contains("/invite/");

        // An error is shown in words, from the problem detail.
        addPlayer("not a name!");
        waitFor("the refusal", d -> find("#notice").getDomAttribute("class").contains("error"));
        assertThat(text("#notice")).isEqualTo("a Twitch name is 1-25 letters, digits or underscores");

        find("#generate").click();
        waitFor("two packs", d -> findAll(".pack a.download").size() == 2);
        assertThat(attributes(".pack a.download", "href"))
                .allMatch(href -> href.matches(".*/api/races/" + raceId + "/download/[A-Za-z0-9_-]{20,}"));
        assertThat(text("#notice")).startsWith("2 packs generated");
        screenshot("manage-packs");

        assertThat(text("#zone")).isEqualTo("Europe/Paris");
        script("document.getElementById('start-at').value = '2031-06-01T20:30'");
        find("#schedule").click();
        waitFor("the scheduled start", d -> text("#notice").startsWith("Start scheduled"));
        waitFor("the countdown to the scheduled start", d -> text("#race-status").equals("countdown"));
        assertThat(Api.anonymous(port).get("/api/races/" + raceId).body().path("race").path("scheduled_start").asText())
                .as("20:30 in Paris in June is 18:30 UTC").isEqualTo("2031-06-01T18:30:00Z");

        // Moving the start: in a few seconds.
        find("#start-in").clear();
        find("#start-in").sendKeys("3");
        find("#start-now").click();
        waitFor("the countdown moved", Duration.ofSeconds(30), d -> text("#notice").equals("Countdown started: GO in 3 s."));
        assertThat(text("#race-status")).isEqualTo("countdown");
        waitFor("the countdown ticking", d -> text("#countdown").matches("0:0[0-3]|GO"));
        screenshot("manage-countdown");
        waitFor("the race running", Duration.ofSeconds(15), d -> text("#race-status").equals("running"));
        assertThat(find("#finish").isEnabled()).as("force finish once running").isTrue();
        assertThat(find("#add-player-button").isEnabled()).as("no roster changes once running").isFalse();

        // The invite link leads to a page for that invitation (here: for someone else).
        browser.get(find("#invites input").getDomProperty("value"));
        waitFor("the invitation", d -> text("#invite-text").contains("never_seen_yet"));
        assertThat(text("#invite-text")).contains("you are logged in as flow_orga");
    }

    @Test
    void aPlayerJoinsAndLeavesAnOpenRace() {
        Api organizer = Api.devLogin(port, "open_orga", "organizer");
        String raceId = organizer.ok(organizer.post("/api/races", "{\"name\":\"Open to all\",\"pool_name\":\"v4\","
                + "\"config\":{\"open_registration\":true}}")).path("race").path("id").asText();
        organizer.ok(organizer.post("/api/races/" + raceId + "/open", null));

        devLogin("open_joiner", "user");
        open("/race/" + raceId);
        waitFor("the join button", d -> find("#join").isDisplayed());
        find("#join").click();
        waitFor("on the roster", d -> text("#join-notice").equals("You are on the roster."));
        waitFor("the player's panel after the reload", d -> find("#me-panel").isDisplayed() && find("#leave").isDisplayed());
        assertThat(find("#join-panel").isDisplayed()).isFalse();

        find("#leave").click();
        waitFor("off the roster", d -> find("#join-panel").isDisplayed());
        assertThat(organizer.ok(organizer.get("/api/races/" + raceId)).path("participants")).isEmpty();
    }

    private void addPlayer(String name) {
        WebElement input = find("#twitch-name");
        waitFor("the add button", d -> find("#add-player-button").isEnabled());
        input.clear();
        input.sendKeys(name);
        find("#add-player-button").click();
    }

    private List<String> rosterNames() {
        return texts("#roster tbody tr[data-participant] td:first-child");
    }
}
