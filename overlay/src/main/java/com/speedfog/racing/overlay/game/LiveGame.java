package com.speedfog.racing.overlay.game;

import com.speedfog.racing.overlay.memory.AccessDeniedException;
import com.speedfog.racing.overlay.memory.ProcessAccessException;
import com.speedfog.racing.overlay.memory.ProcessExitedException;
import com.speedfog.racing.overlay.memory.ProcessMemory;
import com.speedfog.racing.overlay.memory.ProcessNotFoundException;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * ELDEN RING itself: attaches when the game appears, attaches again when it restarts, and scans again
 * while some globals are missing (code still unpacking). Refused access is the one error that ends it.
 */
public final class LiveGame implements GameSource {

    static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);
    static final Duration RESCAN_INTERVAL = Duration.ofSeconds(5);

    static final GameSnapshot NOTHING = new GameSnapshot(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Map.of());

    private final String processName;
    private final Function<String, ProcessMemory> attacher;
    private ProcessMemory memory;
    private GameReader reader;
    private long attachedAtNanos;
    private long nextAttemptNanos;
    private volatile String status = "";

    public LiveGame(String processName, Function<String, ProcessMemory> attacher) {
        this.processName = processName;
        this.attacher = attacher;
    }

    /**
     * @throws AccessDeniedException when the system refuses to let us read the game: the player must act
     */
    @Override
    public GameSnapshot read(Collection<Long> watchedFlags) {
        long now = System.nanoTime();
        if (reader != null && !reader.missingGlobals().isEmpty() && now - attachedAtNanos > RESCAN_INTERVAL.toNanos()) {
            reader = null; // some globals were missing: scan again
        }
        if (reader == null && now < nextAttemptNanos) {
            return NOTHING;
        }
        try {
            if (memory == null) {
                memory = attacher.apply(processName);
            }
            if (reader == null) {
                reader = GameReader.attach(memory, processName);
                attachedAtNanos = now;
            }
            GameSnapshot snapshot = reader.read(watchedFlags);
            status = reader.missingGlobals().isEmpty() ? "" : "game found, some values not located yet: " + reader.missingGlobals();
            return snapshot;
        } catch (AccessDeniedException e) {
            throw e;
        } catch (ProcessNotFoundException | GameNotReadyException e) {
            status = "waiting for the game: " + e.getMessage();
            memory = closeQuietly(memory);
        } catch (ProcessExitedException e) {
            status = "the game exited; waiting for it to start again";
            memory = closeQuietly(memory);
            reader = null;
        } catch (ProcessAccessException e) {
            status = e.getMessage();
            memory = closeQuietly(memory);
            reader = null;
        }
        nextAttemptNanos = now + RETRY_INTERVAL.toNanos();
        return NOTHING;
    }

    @Override
    public String status() {
        return status;
    }

    @Override
    public void close() {
        memory = closeQuietly(memory);
        reader = null;
    }

    private static ProcessMemory closeQuietly(ProcessMemory memory) {
        if (memory != null) {
            memory.close();
        }
        return null;
    }
}
