package com.speedfog.racing.gateway.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.gateway.ws.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin page: pools with counts, discarding a seed, changing a role, rescanning. */
class AdminPageTest extends PageTestBase {

    @Test
    void anAdminDiscardsASeedChangesARoleAndRescans() {
        Api admin = Api.devLogin(port, "adm_api", "admin");
        JsonNode target = Api.devLogin(port, "adm_target", "user").user;

        devLogin("adm_boss", "admin");
        open("/admin.html");
        waitFor("the v4 pool", d -> !findAll("#pools tr[data-pool=v4]").isEmpty());
        int available = Integer.parseInt(text("#pools tr[data-pool=v4] td.available"));

        new Select(find("#seed-pool")).selectByValue("v4");
        waitFor("v4's seeds", d -> !findAll("#seeds tr[data-seed^='v4/'] button.discard").isEmpty());
        String seedId = attributes("#seeds tr[data-seed^='v4/']:has(button.discard)", "data-seed").get(0);
        String discard = "#seeds tr[data-seed='" + seedId + "'] button.discard";
        find(discard).click();
        assertThat(text(discard)).as("a second click is asked").isEqualTo("Really discard?");
        find(discard).click();
        waitFor("the seed discarded", d -> text("#notice").equals("Seed " + seedId + " discarded: it will never be raced."));
        waitFor("one seed fewer", d -> text("#pools tr[data-pool=v4] td.available").equals(String.valueOf(available - 1)));

        String role = "#users tr[data-user='" + target.path("id").asText() + "'] select";
        new Select(find(role)).selectByValue("ORGANIZER");
        waitFor("the role saved", d -> text("#notice").equals("adm_target is now organizer."));
        JsonNode users = admin.ok(admin.get("/api/admin/users"));
        assertThat(users.findParents("login").stream().filter(u -> u.path("login").asText().equals("adm_target"))
                .map(u -> u.path("role").asText())).containsExactly("ORGANIZER");

        find("#rescan").click();
        waitFor("the scan report", d -> text("#notice").startsWith("Scan done:"));
        screenshot("admin");
    }
}
