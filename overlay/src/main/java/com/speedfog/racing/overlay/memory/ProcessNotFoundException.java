package com.speedfog.racing.overlay.memory;

/** No running process has the expected name: the game is not started (yet). */
public class ProcessNotFoundException extends ProcessAccessException {

    public ProcessNotFoundException(String processName) {
        super("Game not running: no process named " + processName
                + " was found. Start ELDEN RING (with Easy Anti-Cheat off), then try again.");
    }
}
