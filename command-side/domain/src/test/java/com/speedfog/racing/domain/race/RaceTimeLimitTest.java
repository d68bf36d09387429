package com.speedfog.racing.domain.race;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.common.PlayLimits;
import com.speedfog.racing.command.race.RaceCommands.*;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.command.race.RaceEvents.*;
import com.speedfog.racing.command.race.RaceFormat;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A live race past the platform's maximum duration closes by itself; those still running are DNF. */
// A deadline handler that reschedules itself in the past would spin the stub deadline manager forever.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RaceTimeLimitTest {

    static final UUID RACE = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    static final UUID P1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final Actor ORGANIZER = Actor.organizer("org-1");
    static final RaceConfig CONFIG = new RaceConfig(true, 4, 10, true, false);
    static final PlayLimits LIMITS = new PlayLimits(Duration.ofHours(3), Duration.ofMinutes(30), Duration.ofMinutes(5));

    AggregateTestFixture<Race> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Race.class);
    }

    static Object[] readyToGo() {
        return new Object[]{new RaceCreated(RACE, "Live", "org-1", "standard", "seed-1", CONFIG, RaceFormat.live(), LIMITS),
                new RaceOpened(RACE), new ParticipantRegistered(RACE, P1, "user-a", "Alice", false)};
    }

    @Test
    void theStartSchedulesTheClose() {
        Instant at = fixture.currentTime().plusSeconds(60);
        fixture.given(readyToGo())
                .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER))
                .whenThenTimeAdvancesTo(at)
                .expectEvents(new RaceStarted(RACE, at))
                .expectScheduledDeadlineWithName(Duration.ofHours(3), Race.CLOSE_DEADLINE);
    }

    @Test
    void pastItsMaximumDurationTheRaceFinishes() {
        Instant at = fixture.currentTime().plusSeconds(60);
        fixture.given(readyToGo())
                .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER))
                .whenThenTimeAdvancesTo(at.plus(Duration.ofHours(3)))
                .expectEvents(new RaceStarted(RACE, at), new RaceFinished(RACE, null, FinishReason.TIME_LIMIT));
    }

    @Test
    void withoutALimitNothingIsScheduled() {
        Instant at = fixture.currentTime().plusSeconds(60);
        fixture.given(new RaceCreated(RACE, "Live", "org-1", "standard", "seed-1", CONFIG), new RaceOpened(RACE),
                        new ParticipantRegistered(RACE, P1, "user-a", "Alice", false))
                .andGivenCommands(new ScheduleStart(RACE, at, ORGANIZER))
                .whenThenTimeAdvancesTo(at.plus(Duration.ofDays(30)))
                .expectEvents(new RaceStarted(RACE, at));
    }
}
