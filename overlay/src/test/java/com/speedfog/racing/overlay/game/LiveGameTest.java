package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.memory.AccessDeniedException;
import com.speedfog.racing.overlay.memory.ProcessNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveGameTest {

    @Test
    void aMissingGameGivesAnEmptySnapshotAndSaysWhyThenWaitsBeforeTryingAgain() {
        AtomicInteger attempts = new AtomicInteger();
        LiveGame game = new LiveGame("eldenring.exe", name -> {
            attempts.incrementAndGet();
            throw new ProcessNotFoundException(name);
        });

        GameSnapshot first = game.read(List.of(1L));
        GameSnapshot second = game.read(List.of(1L));

        assertThat(first).isEqualTo(LiveGame.NOTHING);
        assertThat(first.isInGame()).isFalse();
        assertThat(second).isEqualTo(LiveGame.NOTHING);
        assertThat(game.status()).startsWith("waiting for the game: Game not running");
        assertThat(attempts.get()).as("no new attempt within the retry interval").isEqualTo(1);
    }

    @Test
    void refusedAccessIsForThePlayerToFix() {
        LiveGame game = new LiveGame("eldenring.exe", name -> {
            throw new AccessDeniedException("Windows denied access to the game");
        });
        assertThatThrownBy(() -> game.read(List.of())).isInstanceOf(AccessDeniedException.class);
    }
}
