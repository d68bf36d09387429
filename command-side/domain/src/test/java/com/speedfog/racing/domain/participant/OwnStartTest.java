package com.speedfog.racing.domain.participant;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.participant.ParticipantEvents.*;
import com.speedfog.racing.command.participant.ParticipantStatus;
import com.speedfog.racing.command.participant.SoloCommands.*;
import com.speedfog.racing.command.participant.SoloEvents.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static com.speedfog.racing.command.common.ErrorCodes.*;
import static com.speedfog.racing.domain.RuleViolationMatcher.violation;

/** A player of an async race starts their own run inside the window, until the last start. */
// A deadline handler that reschedules itself in the past would spin the stub deadline manager forever.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OwnStartTest {

    static final UUID P = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final Actor PLAYER = Actor.user("user-a");
    static final Actor ORGANIZER = Actor.organizer("org-1");

    AggregateTestFixture<Participant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
    }

    static ParticipantCreated created() {
        return new ParticipantCreated(P, RACE, "user-a", "Alice", "org-1", PlayLimits.none());
    }

    Instant lastStart() {
        return fixture.currentTime().plus(Duration.ofHours(20));
    }

    @Test
    void theWindowLetsThePlayerStart() {
        Instant until = lastStart();
        fixture.given(created()).when(new AllowOwnStart(P, until, 15))
                .expectEvents(new OwnStartAllowed(P, RACE, until, 15));
    }

    @Test
    void allowingTwiceChangesNothing() {
        Instant until = lastStart();
        fixture.given(created(), new OwnStartAllowed(P, RACE, until, 15)).when(new AllowOwnStart(P, until, 15))
                .expectNoEvents();
    }

    @Test
    void thePlayerCountsDownThenRuns() {
        Instant go = fixture.currentTime().plusSeconds(15).truncatedTo(ChronoUnit.MILLIS);
        fixture.given(created(), new OwnStartAllowed(P, RACE, lastStart(), 15))
                .andGivenCommands(new StartOwnRun(P, PLAYER))
                .whenThenTimeElapses(Duration.ofSeconds(15))
                .expectEvents(new RunBegun(P, RACE, go));
    }

    @Test
    void notBeforeTheWindowOpens() {
        fixture.given(created()).when(new StartOwnRun(P, PLAYER))
                .expectException(violation(OWN_START_NOT_ALLOWED)).expectNoEvents();
    }

    @Test
    void notAfterTheLastStart() {
        fixture.given(created(), new OwnStartAllowed(P, RACE, fixture.currentTime().minusSeconds(1), 15))
                .when(new StartOwnRun(P, PLAYER))
                .expectException(violation(LAST_START_PASSED)).expectNoEvents();
    }

    @Test
    void notForSomeoneElse() {
        fixture.given(created(), new OwnStartAllowed(P, RACE, lastStart(), 15))
                .when(new StartOwnRun(P, ORGANIZER))
                .expectException(violation(NOT_YOUR_PARTICIPATION));
    }

    @Test
    void notOnceTheWindowClosed() {
        fixture.given(created(), new OwnStartAllowed(P, RACE, lastStart(), 15),
                        new ParticipantClosed(P, RACE, CloseReason.RACE_FINISHED, ParticipantStatus.REGISTERED))
                .when(new StartOwnRun(P, PLAYER))
                .expectException(violation(RACE_NOT_RUNNING));
    }

    @Test
    void aCountdownCutByTheCloseNeverBegins() {
        fixture.given(created(), new OwnStartAllowed(P, RACE, lastStart(), 15))
                .andGivenCommands(new StartOwnRun(P, PLAYER), new CloseParticipant(P, CloseReason.RACE_FINISHED))
                .whenThenTimeElapses(Duration.ofSeconds(20))
                .expectNoEvents();
    }

    @Test
    void aLiveRacePlayerCannotStartAlone() {
        fixture.given(created()).when(new StartOwnRun(P, PLAYER)).expectException(violation(OWN_START_NOT_ALLOWED));
    }
}
