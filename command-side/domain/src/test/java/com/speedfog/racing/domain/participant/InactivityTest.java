package com.speedfog.racing.domain.participant;

import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.participant.ParticipantCommands.*;
import com.speedfog.racing.command.participant.ParticipantEvents.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A running player whose run stores no progress for the inactivity timeout is abandoned, after a
 * warning; any progress lifts the warning and restarts the count.
 */
// A deadline handler that reschedules itself in the past would spin the stub deadline manager forever.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InactivityTest {

    static final UUID P = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final PlayLimits LIMITS = new PlayLimits(null, Duration.ofMinutes(30), Duration.ofMinutes(5));

    AggregateTestFixture<Participant> fixture;
    Instant go;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
        go = fixture.currentTime();
    }

    static ParticipantCreated created(PlayLimits limits) {
        return new ParticipantCreated(P, RACE, "user-a", "Alice", "org-1", limits);
    }

    @Test
    void theStartSchedulesTheFirstCheckAtTheWarning() {
        fixture.given(created(LIMITS)).when(new BeginRun(P, go))
                .expectEvents(new RunBegun(P, RACE, go))
                .expectScheduledDeadline(Duration.ofMinutes(25), new InactivityCheck(1, go.plus(Duration.ofMinutes(25))));
    }

    @Test
    void aSilentRunnerIsWarnedFirst() {
        fixture.given(created(LIMITS)).andGivenCommands(new BeginRun(P, go))
                .whenThenTimeElapses(Duration.ofMinutes(25))
                .expectEvents(new InactivityWarned(P, RACE, go, go.plus(Duration.ofMinutes(30))))
                .expectScheduledDeadline(go.plus(Duration.ofMinutes(30)), new InactivityCheck(1, go.plus(Duration.ofMinutes(30))));
    }

    @Test
    void thenAbandoned() {
        fixture.given(created(LIMITS)).andGivenCommands(new BeginRun(P, go))
                .whenThenTimeElapses(Duration.ofMinutes(30))
                .expectEvents(new InactivityWarned(P, RACE, go, go.plus(Duration.ofMinutes(30))),
                        new ParticipantAbandoned(P, RACE, 0, "system", AbandonReason.INACTIVE));
    }

    @Test
    void progressPushesTheCheckBack() {
        // Begun ten minutes ago, silent since: warned 15 minutes from now...
        fixture.given(created(LIMITS)).andGivenCommands(new BeginRun(P, go.minus(Duration.ofMinutes(10))))
                .whenThenTimeElapses(Duration.ofMinutes(19))
                .expectEvents(new InactivityWarned(P, RACE, go.minus(Duration.ofMinutes(10)), go.plus(Duration.ofMinutes(20))));
        // ... unless a death (progress) is stored now: the check at 15 minutes finds it and waits for 25.
        fixture.given(created(LIMITS)).andGivenCommands(new BeginRun(P, go.minus(Duration.ofMinutes(10))),
                        new ReportStatus(P, 0, 1, "death"))
                .whenThenTimeElapses(Duration.ofMinutes(19))
                .expectNoEvents();
    }

    @Test
    void aWarnedPlayerWhoPlaysAgainIsStoredAtOnceAndNotAbandoned() {
        // Warned at 25 min; the IGT moves again (by less than a checkpoint interval): stored, warning lifted.
        fixture.given(created(LIMITS))
                .andGivenCommands(new BeginRun(P, go))
                .andGiven(new InactivityWarned(P, RACE, go, go.plus(Duration.ofMinutes(30))))
                .when(new ReportStatus(P, 2_000, 0, "back"))
                .expectEvents(new StatusCheckpointed(P, RACE, 2_000, 0, "back"));
    }

    @Test
    void withoutAWarningAnIgtMoveBelowTheIntervalStoresNothing() {
        fixture.given(created(LIMITS)).andGivenCommands(new BeginRun(P, go))
                .when(new ReportStatus(P, 2_000, 0, "m"))
                .expectNoEvents();
    }

    @Test
    void aFinishedPlayerIsLeftAlone() {
        fixture.given(created(LIMITS)).andGivenCommands(new BeginRun(P, go), new FinishRun(P, 1000, "f"))
                .whenThenTimeElapses(Duration.ofHours(1))
                .expectNoEvents();
    }

    @Test
    void aPlayerClosedByTheRaceIsLeftAlone() {
        fixture.given(created(LIMITS)).andGivenCommands(new BeginRun(P, go), new CloseParticipant(P, CloseReason.RACE_FINISHED))
                .whenThenTimeElapses(Duration.ofHours(1))
                .expectNoEvents();
    }

    @Test
    void aCheckOfAnEarlierRunIsStale() {
        // A reset race runs again: the first run's check finds a later run and does nothing; the new run has its own.
        fixture.given(created(LIMITS)).andGivenCommands(new BeginRun(P, go), new ResetParticipant(P), new BeginRun(P, go))
                .whenThenTimeElapses(Duration.ofMinutes(25))
                .expectEvents(new InactivityWarned(P, RACE, go, go.plus(Duration.ofMinutes(30))));
    }

    @Test
    void withoutATimeoutNothingIsWatched() {
        fixture.given(created(PlayLimits.none())).when(new BeginRun(P, go))
                .expectEvents(new RunBegun(P, RACE, go))
                .expectNoScheduledDeadlines();
    }

    @Test
    void withoutAWarningTheAbandonComesStraight() {
        fixture.given(created(new PlayLimits(null, Duration.ofMinutes(30), null))).andGivenCommands(new BeginRun(P, go))
                .whenThenTimeElapses(Duration.ofMinutes(30))
                .expectEvents(new ParticipantAbandoned(P, RACE, 0, "system", AbandonReason.INACTIVE));
    }
}
