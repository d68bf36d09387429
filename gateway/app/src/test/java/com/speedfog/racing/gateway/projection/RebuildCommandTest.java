package com.speedfog.racing.gateway.projection;

import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.race.RaceDriver;
import com.speedfog.racing.gateway.race.RacePlay;
import com.speedfog.racing.tools.SpeedFogTools;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line rebuild against a live gateway: it shows progress and ends when everything is replayed. */
class RebuildCommandTest extends GatewayTestBase {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    ReadModelRebuild rebuilder;
    @Autowired
    com.speedfog.racing.gateway.identity.UserService users;

    String adminToken() {
        return users.issueApiToken(users.devLogin("rebuild_admin", com.speedfog.racing.gateway.identity.Role.ADMIN));
    }

    @Test
    void rebuildsWithProgressAndExitsZero() {
        RacePlay race = new RacePlay(new RaceDriver(commands, eventStore), 2).start(RaceConfig.defaults());
        race.run(0, 2, true).run(1, 2, true).awaitFinish();
        ProjectionWaits.awaitCaughtUp(rebuilder);

        StringWriter output = new StringWriter();
        picocli.CommandLine cli = SpeedFogTools.commandLine();
        cli.setOut(new PrintWriter(output, true));
        int exit = cli.execute("rebuild", "--server", "http://localhost:" + port, "--token", adminToken());
        String printed = output.toString();
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("Rebuilding 2 read models (race-views, race-timeline) over").contains("rebuild").contains("events/s")
                .contains("Rebuilt every read model");
        assertThat(rebuilder.progress().rebuilt()).isTrue();
    }

    @Test
    void withoutAnAdminTokenTheServerSaysWhy() {
        StringWriter output = new StringWriter();
        picocli.CommandLine cli = SpeedFogTools.commandLine();
        cli.setOut(new PrintWriter(output, true));
        String userToken = users.issueApiToken(users.devLogin("rebuild_user", com.speedfog.racing.gateway.identity.Role.USER));
        assertThat(cli.execute("rebuild", "--server", "http://localhost:" + port, "--token", userToken)).isEqualTo(1);
        assertThat(output.toString()).contains("403").contains("you may not do this");
        assertThat(cli.execute("rebuild", "--server", "http://localhost:" + port)).isEqualTo(1);
        assertThat(output.toString()).contains("401");
    }

    @Test
    void anUnknownReadModelIsAClearError() {
        StringWriter output = new StringWriter();
        picocli.CommandLine cli = SpeedFogTools.commandLine();
        cli.setOut(new PrintWriter(output, true));
        int exit = cli.execute("rebuild", "--server", "http://localhost:" + port, "--token", adminToken(), "--group", "nope");
        assertThat(exit).isEqualTo(1);
        assertThat(output.toString()).contains("422").contains("no read model named nope").contains("race-views, race-timeline");
    }

    @Test
    void aServerThatIsNotThereIsAClearError() {
        StringWriter output = new StringWriter();
        picocli.CommandLine cli = SpeedFogTools.commandLine();
        cli.setOut(new PrintWriter(output, true));
        int exit = cli.execute("rebuild", "--server", "http://127.0.0.1:9");
        assertThat(exit).isEqualTo(1);
        assertThat(output.toString()).contains("cannot reach the gateway at http://127.0.0.1:9");
    }
}
