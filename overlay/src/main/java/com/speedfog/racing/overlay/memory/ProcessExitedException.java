package com.speedfog.racing.overlay.memory;

/** The process went away while we were reading it (game closed or crashed). */
public class ProcessExitedException extends ProcessAccessException {

    public ProcessExitedException(long pid) {
        super("The game process (pid " + pid + ") has exited.");
    }
}
