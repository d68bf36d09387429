package com.speedfog.racing.overlay.game;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One sample of the game. Anything that could not be read at that moment (main menu, loading,
 * null pointers) is empty rather than a made-up value.
 *
 * @param flags the state of each watched event flag that could be read
 */
public record GameSnapshot(OptionalLong igtMs, OptionalLong deaths, Optional<MapId> mapId,
                           Optional<Position> position, Optional<ScreenState> screenState,
                           Map<Long, Boolean> flags) {

    public GameSnapshot {
        flags = Map.copyOf(flags);
    }

    /** Set, clear, or empty when it was not watched or could not be read. */
    public Optional<Boolean> flag(long flagId) {
        return Optional.ofNullable(flags.get(flagId));
    }

    /** Those of {@code flagIds} that were read as set, in the order given. */
    public Set<Long> setFlags(Collection<Long> flagIds) {
        Set<Long> set = new LinkedHashSet<>();
        for (long id : flagIds) {
            if (Boolean.TRUE.equals(flags.get(id))) {
                set.add(id);
            }
        }
        return set;
    }

    public boolean isInGame() {
        return screenState.map(s -> s.kind() == ScreenState.Kind.IN_GAME).orElse(false) && mapId.isPresent();
    }
}
