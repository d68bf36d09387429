package com.speedfog.racing.overlay.memory;

/** The operating system refused to let us read the game. Never retried blindly: the player must act. */
public class AccessDeniedException extends ProcessAccessException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
