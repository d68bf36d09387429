package com.speedfog.racing.gateway.race;

import com.speedfog.racing.command.participant.ParticipantCommands.AssignModToken;
import com.speedfog.racing.gateway.identity.CurrentUsers;
import com.speedfog.racing.gateway.identity.Tokens;
import com.speedfog.racing.gateway.identity.User;
import com.speedfog.racing.gateway.pool.PoolService;
import com.speedfog.racing.gateway.web.ApiProblem;
import com.speedfog.racing.gateway.web.Eventually;
import org.axonframework.modelling.command.AggregateNotFoundException;
import java.time.Duration;
import com.speedfog.racing.gateway.web.PublicUrls;
import com.speedfog.racing.gateway.read.ReadSide;
import com.speedfog.racing.query.race.ParticipantView;
import com.speedfog.racing.query.race.RaceSummary;
import com.speedfog.racing.seeds.pack.RacePackSettings;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seed packs: the seed plus the player's speedfog_race.toml, streamed zip. Each generation issues new
 * mod tokens (only their hashes are kept), so a pack from before stops working.
 */
@RestController
@RequestMapping("/api/races/{raceId}")
class PackController {

    private final CommandGateway commands;
    private final ReadSide reads;
    private final PoolService pools;
    private final CurrentUsers currentUsers;
    private final PublicUrls urls;

    PackController(CommandGateway commands, ReadSide reads, PoolService pools, CurrentUsers currentUsers, PublicUrls urls) {
        this.commands = commands;
        this.reads = reads;
        this.pools = pools;
        this.currentUsers = currentUsers;
        this.urls = urls;
    }

    /** The organizer makes every player's pack: answers the download links (each holds that player's token). */
    @PostMapping("/generate-zips")
    RaceRequests.Packs generate(@PathVariable UUID raceId) {
        User organizer = currentUsers.required();
        RaceSummary race = reads.summary(raceId, organizer.viewer()).orElseThrow(() -> RaceController.notFound(raceId));
        if (!organizer.actor().mayManage(race.organizerId())) {
            throw ApiProblem.forbidden("only the race's organizer may generate packs");
        }
        List<RaceRequests.Pack> packs = new ArrayList<>();
        for (ParticipantView participant : reads.detail(raceId, organizer.viewer()).orElseThrow().participants()) {
            String token = Tokens.newToken();
            // The race saga creates each participant's aggregate right after registration: wait for it if needed.
            Eventually.retry(() -> commands.sendAndWait(new AssignModToken(participant.id(), Tokens.hash(token),
                    organizer.actor())), AggregateNotFoundException.class, Duration.ofSeconds(5));
            packs.add(new RaceRequests.Pack(participant.id(), participant.displayName(),
                    urls.httpBase() + "/api/races/" + raceId + "/download/" + token));
        }
        return new RaceRequests.Packs(raceId, packs);
    }

    /** Download by mod token: the link itself is the credential. */
    @GetMapping("/download/{modToken}")
    ResponseEntity<StreamingResponseBody> download(@PathVariable UUID raceId, @PathVariable String modToken) {
        ParticipantView participant = awaitParticipantByToken(modToken)
                .filter(p -> p.raceId().equals(raceId))
                .orElseThrow(() -> ApiProblem.notFound("pack_not_found", "this download link is not valid (packs were regenerated?)"));
        return pack(raceId, participant, modToken);
    }

    /** The logged-in player's own pack, with a fresh token. */
    @GetMapping("/my-pack")
    ResponseEntity<StreamingResponseBody> myPack(@PathVariable UUID raceId) {
        User player = currentUsers.required();
        ParticipantView me = reads.myParticipation(raceId, player.viewer()).orElseThrow(() -> ApiProblem.conflict("not_registered", "you are not in this race"));
        String token = Tokens.newToken();
        Eventually.retry(() -> commands.sendAndWait(new AssignModToken(me.id(), Tokens.hash(token), player.actor())),
                AggregateNotFoundException.class, Duration.ofSeconds(5));
        return pack(raceId, me, token);
    }

    private ResponseEntity<StreamingResponseBody> pack(UUID raceId, ParticipantView participant, String token) {
        RaceSummary race = reads.summary(raceId, currentUsers.viewer()).orElseThrow(() -> RaceController.notFound(raceId));
        RacePackSettings settings = RacePackSettings.withDefaults(urls.webSocketBase(), raceId, token);
        String filename = "speedfog-" + slug(race.name()) + "-" + slug(participant.displayName()) + ".zip";
        StreamingResponseBody body = out -> pools.writePack(race.seedId(), settings, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** A token just issued reaches the read model within milliseconds. */
    private Optional<ParticipantView> awaitParticipantByToken(String token) {
        String hash = Tokens.hash(token);
        return Eventually.await(() -> reads.participantByTokenHash(hash), Duration.ofSeconds(2));
    }

    static String slug(String text) {
        String slug = text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "race" : slug.substring(0, Math.min(slug.length(), 40));
    }
}
