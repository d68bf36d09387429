package com.speedfog.racing.domain.race;

import com.speedfog.racing.command.participant.ParticipantCommands.BeginRun;
import com.speedfog.racing.command.participant.ParticipantCommands.BeginRunAtGo;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The GO moment, in the domain: the race saga begins every run a moment after the race starts, and a
 * player who speaks in that moment has their run begun at once, at the race's own start time, if their
 * race has started and they are on its roster. The race aggregate decides; the same {@link BeginRun}
 * the saga sends (idempotent) does it.
 */
@Component
public class RunsBeginAtGo {

    private final Repository<Race> races;
    private final CommandGateway commands;

    public RunsBeginAtGo(Repository<Race> raceRepository, CommandGateway commands) {
        this.races = raceRepository;
        this.commands = commands;
    }

    /** @return whether the participant's run is begun (false: the race has not started, or they are not on it) */
    @CommandHandler
    public boolean handle(BeginRunAtGo command) {
        Optional<Instant> startedAt = races.load(command.raceId().toString())
                .invoke(race -> race.startOfRunFor(command.participantId()));
        if (startedAt.isEmpty()) {
            return false;
        }
        commands.sendAndWait(new BeginRun(command.participantId(), startedAt.get()));
        return true;
    }
}
