package com.speedfog.racing.overlay.game;

/** The process runs but its executable image is not mapped yet (the game is still starting). */
public class GameNotReadyException extends RuntimeException {

    public GameNotReadyException(String message) {
        super(message);
    }
}
