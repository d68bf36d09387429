package com.speedfog.racing.projections.common;

import com.speedfog.racing.command.participant.ParticipantEvents.ParticipantEvent;
import com.speedfog.racing.command.race.RaceEvents.RaceEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Every event of one race (the race's and its participants') in one sequence: a race's views are
 * built in store order, different races in parallel.
 */
public class RaceSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof RaceEvent raceEvent) {
            return raceEvent.raceId();
        }
        if (payload instanceof ParticipantEvent participantEvent) {
            return participantEvent.raceId();
        }
        return event.getIdentifier();
    }
}
