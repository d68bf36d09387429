package com.speedfog.racing.overlay.memory;

/**
 * The game process cannot be read at all. The message is written for the player: it says what is
 * wrong and what to do about it.
 */
public class ProcessAccessException extends RuntimeException {

    public ProcessAccessException(String message) {
        super(message);
    }

    public ProcessAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
