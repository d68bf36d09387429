package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.command.participant.ParticipantCommands.RecordModConnection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Tells the participant aggregate whether its mod is connected (stored only when it changes). */
@Component
class ModPresence {
    private static final Logger log = LoggerFactory.getLogger(ModPresence.class);

    private final CommandGateway commands;

    ModPresence(CommandGateway commands) {
        this.commands = commands;
    }

    void record(UUID participantId, boolean connected) {
        try {
            commands.sendAndWait(new RecordModConnection(participantId, connected));
        } catch (RuntimeException e) {
            log.warn("could not record connection of {}: {}", participantId, e.toString());
        }
    }
}
