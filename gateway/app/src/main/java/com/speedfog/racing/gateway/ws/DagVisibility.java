package com.speedfog.racing.gateway.ws;

import com.speedfog.racing.query.race.ParticipantView;

import java.util.Optional;

/**
 * Who may see the seed's graph and the players' positions (PROTOCOL.md): before the start nobody (the
 * page shows it blurred); during the race spectators and the organizer, but not a player still running;
 * a player who is done sees it; after the race everyone.
 */
final class DagVisibility {
    private DagVisibility() {
    }

    /** @param viewerAsParticipant the viewer's own participation in this race, if they race in it */
    static boolean graphVisible(String raceStatus, Optional<ParticipantView> viewerAsParticipant) {
        return switch (raceStatus) {
            case "draft", "open", "countdown" -> false;
            case "running" -> viewerAsParticipant.map(ParticipantView::runOver).orElse(true);
            default -> true;
        };
    }
}
