package com.speedfog.racing.gateway.invite;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.race.RaceCommands.RegisterParticipant;
import com.speedfog.racing.gateway.identity.Tokens;
import com.speedfog.racing.gateway.identity.User;
import com.speedfog.racing.gateway.identity.UserRepository;
import com.speedfog.racing.gateway.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Invitations for players who have never logged in: a link that registers them once they accept. */
@Service
public class InviteService {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Invite(UUID raceId, String twitchLogin, boolean accepted, UUID participantId) {
    }

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final com.speedfog.racing.gateway.read.ReadSide reads;

    public InviteService(JdbcTemplate jdbc, CommandGateway commands, com.speedfog.racing.gateway.read.ReadSide reads) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.reads = reads;
    }

    /** @return the token of the link, shown once */
    public String create(UUID raceId, String twitchLogin, User organizer) {
        String login = UserRepository.normalize(twitchLogin);
        if (!login.matches("[a-z0-9_]{1,25}")) {
            throw ApiProblem.invalid("invalid_username", "a Twitch name is 1-25 letters, digits or underscores");
        }
        String token = Tokens.newToken();
        jdbc.update("insert into invite (token_hash, race_id, twitch_login, created_by, created_at) values (?, ?, ?, ?, ?)",
                Tokens.hash(token), raceId, login, organizer.id(), Timestamp.from(Instant.now()));
        return token;
    }

    public Invite get(String token) {
        return jdbc.query("select * from invite where token_hash = ?", (rs, n) -> new Invite(
                        rs.getObject("race_id", UUID.class), rs.getString("twitch_login"), rs.getObject("accepted_by") != null, null),
                Tokens.hash(token)).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("invite_not_found", "this invite link is not valid"));
    }

    /** The invited person, logged in, accepts: registered on the organizer's behalf. A link works once. */
    public Invite accept(String token, User user) {
        Invite invite = get(token);
        if (invite.accepted()) {
            throw ApiProblem.conflict("invite_used", "this invite was already accepted");
        }
        if (!invite.twitchLogin().equals(user.login())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "invite_for_someone_else",
                    "this invite is for " + invite.twitchLogin() + ", you are logged in as " + user.login());
        }
        UUID organizerId = jdbc.queryForObject("select created_by from invite where token_hash = ?", UUID.class, Tokens.hash(token));
        int claimed = jdbc.update("update invite set accepted_by = ?, accepted_at = ? where token_hash = ? and accepted_by is null",
                user.id(), Timestamp.from(Instant.now()), Tokens.hash(token));
        if (claimed == 0) {
            throw ApiProblem.conflict("invite_used", "this invite was already accepted");
        }
        UUID participantId = UUID.randomUUID();
        try {
            commands.sendAndWait(new RegisterParticipant(invite.raceId(), participantId, user.id().toString(),
                    user.displayName(), new Actor(organizerId.toString(), Actor.Role.ORGANIZER)));
        } catch (RuntimeException refused) {
            jdbc.update("update invite set accepted_by = null, accepted_at = null where token_hash = ?", Tokens.hash(token));
            throw refused;
        }
        com.speedfog.racing.gateway.web.Eventually.await(() -> reads.participant(participantId, user.viewer()), java.time.Duration.ofSeconds(5));
        return new Invite(invite.raceId(), invite.twitchLogin(), true, participantId);
    }
}
