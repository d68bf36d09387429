package com.speedfog.racing.gateway.race;

import com.speedfog.racing.command.common.Actor;
import com.speedfog.racing.command.participant.ParticipantCommands.Abandon;
import com.speedfog.racing.command.race.RaceCommands;
import com.speedfog.racing.command.race.RaceConfig;
import com.speedfog.racing.gateway.identity.CurrentUsers;
import com.speedfog.racing.gateway.identity.User;
import com.speedfog.racing.gateway.identity.UserRepository;
import com.speedfog.racing.gateway.invite.InviteService;
import com.speedfog.racing.gateway.pool.PoolService;
import com.speedfog.racing.gateway.read.ReadSide;
import com.speedfog.racing.gateway.web.ApiProblem;
import com.speedfog.racing.gateway.web.Eventually;
import com.speedfog.racing.gateway.web.PublicUrls;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceDetail;
import com.speedfog.racing.query.race.RacePage;
import com.speedfog.racing.query.race.RaceSummary;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The organizer's and the players' race API (PROTOCOL.md "HTTP API"). Commands go to the aggregates,
 * which decide who may do what; answers come from the read models.
 */
@RestController
@RequestMapping("/api/races")
class RaceController {

    private final CommandGateway commands;
    private final ReadSide reads;
    private final CurrentUsers currentUsers;
    private final UserRepository users;
    private final PoolService pools;
    private final InviteService invites;
    private final PublicUrls urls;

    RaceController(CommandGateway commands, ReadSide reads, CurrentUsers currentUsers, UserRepository users,
                   PoolService pools, InviteService invites, PublicUrls urls) {
        this.commands = commands;
        this.reads = reads;
        this.currentUsers = currentUsers;
        this.users = users;
        this.pools = pools;
        this.invites = invites;
        this.urls = urls;
    }

    @PostMapping
    ResponseEntity<RaceDetail> create(@RequestBody RaceRequests.CreateRace body) {
        User user = currentUsers.required();
        if (body.poolName() == null || body.poolName().isBlank()) {
            throw ApiProblem.invalid("invalid_request", "pool_name is required");
        }
        RaceConfig config = body.config() == null ? RaceConfig.defaults() : body.config().over(RaceConfig.defaults());
        UUID raceId = UUID.randomUUID();
        String seedId = pools.takeSeed(body.poolName(), raceId);
        try {
            commands.sendAndWait(new RaceCommands.CreateRace(raceId, body.name(), body.poolName(), seedId, config, user.actor()));
        } catch (RuntimeException refused) {
            pools.giveBack(seedId);
            throw refused;
        }
        if (body.scheduledStart() != null) {
            commands.sendAndWait(new RaceCommands.OpenRace(raceId, user.actor()));
            commands.sendAndWait(new RaceCommands.ScheduleStart(raceId, body.scheduledStart(), user.actor()));
        }
        return ResponseEntity.created(URI.create("/api/races/" + raceId)).body(awaitDetail(raceId));
    }

    @GetMapping
    RacePage list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "20") int size) {
        return reads.list(status, page, size, currentUsers.viewer());
    }

    @GetMapping("/{raceId}")
    RaceDetail get(@PathVariable UUID raceId) {
        return reads.detail(raceId, currentUsers.viewer()).orElseThrow(() -> notFound(raceId));
    }

    @PatchMapping("/{raceId}")
    RaceDetail update(@PathVariable UUID raceId, @RequestBody RaceRequests.UpdateRace body) {
        RaceSummary race = summary(raceId);
        RaceConfig current = new RaceConfig(race.config().showFinishedNames(), race.config().maxParticipants(),
                race.config().countdownSeconds(), race.config().publicRace(), race.config().openRegistration());
        commands.sendAndWait(new RaceCommands.UpdateRace(raceId, body.name(),
                body.config() == null ? null : body.config().over(current), actor()));
        return get(raceId);
    }

    /** Cancels the race; a seed never raced goes back to its pool. */
    @DeleteMapping("/{raceId}")
    ResponseEntity<Void> cancel(@PathVariable UUID raceId) {
        RaceSummary race = summary(raceId);
        commands.sendAndWait(new RaceCommands.CancelRace(raceId, actor()));
        if (race.startedAt() == null) {
            pools.giveBack(race.seedId());
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{raceId}/open")
    ResponseEntity<Void> open(@PathVariable UUID raceId) {
        commands.sendAndWait(new RaceCommands.OpenRace(raceId, actor()));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{raceId}/participants")
    ResponseEntity<RaceRequests.ParticipantAdded> addParticipant(@PathVariable UUID raceId,
                                                                 @RequestBody RaceRequests.AddParticipant body) {
        User organizer = currentUsers.required();
        RaceSummary race = summary(raceId);
        if (body.twitchUsername() == null || body.twitchUsername().isBlank()) {
            throw ApiProblem.invalid("invalid_request", "twitch_username is required");
        }
        Optional<User> player = users.byLogin(body.twitchUsername());
        if (player.isPresent()) {
            UUID participantId = UUID.randomUUID();
            commands.sendAndWait(new RaceCommands.RegisterParticipant(raceId, participantId, player.get().id().toString(),
                    player.get().displayName(), organizer.actor()));
            awaitParticipant(raceId, participantId);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(new RaceRequests.ParticipantAdded(participantId, null, player.get().login()));
        }
        if (!organizer.actor().mayManage(race.organizerId())) {
            throw ApiProblem.forbidden("only the race's organizer may invite players");
        }
        String token = invites.create(raceId, body.twitchUsername(), organizer);
        return ResponseEntity.status(HttpStatus.CREATED).body(new RaceRequests.ParticipantAdded(null,
                urls.httpBase() + "/invite/" + token, UserRepository.normalize(body.twitchUsername())));
    }

    @DeleteMapping("/{raceId}/participants/{participantId}")
    ResponseEntity<Void> removeParticipant(@PathVariable UUID raceId, @PathVariable UUID participantId) {
        commands.sendAndWait(new RaceCommands.RemoveParticipant(raceId, participantId, actor()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{raceId}/join")
    ResponseEntity<RaceRequests.ParticipantAdded> join(@PathVariable UUID raceId) {
        User player = currentUsers.required();
        UUID participantId = UUID.randomUUID();
        commands.sendAndWait(new RaceCommands.JoinRace(raceId, participantId, player.displayName(), player.actor()));
        awaitParticipant(raceId, participantId);
        return ResponseEntity.status(HttpStatus.CREATED).body(new RaceRequests.ParticipantAdded(participantId, null, player.login()));
    }

    @PostMapping("/{raceId}/leave")
    ResponseEntity<Void> leave(@PathVariable UUID raceId) {
        commands.sendAndWait(new RaceCommands.LeaveRace(raceId, actor()));
        return ResponseEntity.noContent().build();
    }

    /** Starts the countdown: to the given instant, or {@code in_seconds} from now, or the race's countdown. */
    @PostMapping("/{raceId}/start")
    RaceSummary start(@PathVariable UUID raceId, @RequestBody(required = false) RaceRequests.StartRace body) {
        RaceSummary race = summary(raceId);
        Instant at;
        if (body != null && body.scheduledStart() != null) {
            at = body.scheduledStart();
        } else {
            int seconds = body != null && body.inSeconds() != null ? body.inSeconds() : race.config().countdownSeconds();
            at = Instant.now().plus(Duration.ofSeconds(Math.max(seconds, 0)));
        }
        Instant start = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        commands.sendAndWait(new RaceCommands.ScheduleStart(raceId, start, actor()));
        // Answer with the race as it now is: its view shows the new start a moment later.
        return Eventually.await(() -> reads.summary(raceId, currentUsers.viewer()).filter(r -> start.equals(r.scheduledStart())),
                Duration.ofSeconds(5)).orElseGet(() -> summary(raceId));
    }

    @PostMapping("/{raceId}/cancel-countdown")
    ResponseEntity<Void> cancelCountdown(@PathVariable UUID raceId) {
        commands.sendAndWait(new RaceCommands.CancelCountdown(raceId, actor()));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{raceId}/finish")
    ResponseEntity<Void> finish(@PathVariable UUID raceId) {
        commands.sendAndWait(new RaceCommands.FinishRace(raceId, actor()));
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/{raceId}/reset")
    ResponseEntity<Void> reset(@PathVariable UUID raceId) {
        commands.sendAndWait(new RaceCommands.ResetRace(raceId, actor()));
        return ResponseEntity.accepted().build();
    }

    /** Before the start: a new seed from the same pool; the old one goes back. */
    @PostMapping("/{raceId}/reroll-seed")
    RaceSummary reroll(@PathVariable UUID raceId) {
        RaceSummary race = summary(raceId);
        Actor actor = actor();
        if (!actor.mayManage(race.organizerId())) {
            throw ApiProblem.forbidden("only the race's organizer may reroll the seed");
        }
        String newSeed = pools.takeSeed(race.poolName(), raceId);
        try {
            commands.sendAndWait(new RaceCommands.RerollSeed(raceId, newSeed, actor));
        } catch (RuntimeException refused) {
            pools.giveBack(newSeed);
            throw refused;
        }
        pools.giveBack(race.seedId());
        return new RaceSummary(race.id(), race.name(), race.organizerId(), race.poolName(), newSeed, race.status(),
                race.config(), race.participantCount(), race.createdAt(), race.scheduledStart(), race.startedAt(),
                race.finishedAt(), race.forcedBy());
    }

    /** The logged-in player quits their own run. */
    @PostMapping("/{raceId}/abandon")
    ResponseEntity<Void> abandon(@PathVariable UUID raceId) {
        User player = currentUsers.required();
        ParticipantView me = reads.myParticipation(raceId, player.viewer()).orElseThrow(() -> ApiProblem.conflict("not_registered", "you are not in this race"));
        commands.sendAndWait(new Abandon(me.id(), player.actor()));
        return ResponseEntity.accepted().build();
    }

    private Actor actor() {
        return currentUsers.required().actor();
    }

    private RaceSummary summary(UUID raceId) {
        return reads.summary(raceId, currentUsers.viewer()).orElseThrow(() -> notFound(raceId));
    }

    /** The projection follows the command within milliseconds; answer with the race once it is there. */
    private RaceDetail awaitDetail(UUID raceId) {
        return Eventually.await(() -> reads.detail(raceId, currentUsers.viewer()), Duration.ofSeconds(5)).orElseThrow(() ->
                new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "pending", "the race was created; its page is being prepared"));
    }

    private void awaitParticipant(UUID raceId, UUID participantId) {
        Eventually.await(() -> reads.participant(participantId, currentUsers.viewer()), Duration.ofSeconds(5));
    }

    static ApiProblem notFound(UUID raceId) {
        return ApiProblem.notFound("race_not_found", "no race " + raceId);
    }
}
