package com.speedfog.racing.gateway.live;

import com.speedfog.racing.query.readmodel.ReadModelRebuild;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.speedfog.racing.gateway.GatewayTestBase;
import com.speedfog.racing.gateway.projection.ProjectionWaits;
import com.speedfog.racing.gateway.ws.Api;
import com.speedfog.racing.projections.race.RaceReadModel;
import com.speedfog.racing.query.race.RaceUpdate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of race update survives the trip to another node as JSON, equal to what was sent. */
class RaceUpdateCodecTest extends GatewayTestBase {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    RaceReadModel races;
    @Autowired
    ReadModelRebuild projections;

    @Test
    void everyKindOfUpdateReadsBackEqual() {
        Api organizer = Api.devLogin(port, "codec_org", "organizer");
        Api player = Api.devLogin(port, "codec_player", "user");
        UUID raceId = organizer.raceWith("Codec race", "{}", player);
        ProjectionWaits.awaitCaughtUp(projections);
        var participant = races.participants(raceId).get(0);
        List<RaceUpdate> updates = List.of(
                new RaceUpdate.RaceChanged(raceId, races.summary(raceId).orElseThrow()),
                new RaceUpdate.ParticipantChanged(raceId, participant),
                new RaceUpdate.ParticipantRemoved(raceId, participant.id()),
                new RaceUpdate.LeaderboardChanged(raceId, races.leaderboard(raceId).orElseThrow()));
        assertThat(updates.stream().map(u -> u.getClass().getSimpleName()).sorted().toList()).as("every kind")
                .isEqualTo(java.util.Arrays.stream(RaceUpdate.class.getPermittedSubclasses()).map(Class::getSimpleName).sorted().toList());

        RaceUpdateCodec codec = new RaceUpdateCodec(json);
        for (RaceUpdate update : updates) {
            assertThat(codec.read(codec.write(update))).isEqualTo(update);
        }
    }
}
