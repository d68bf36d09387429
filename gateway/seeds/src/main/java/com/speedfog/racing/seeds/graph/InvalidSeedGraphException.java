package com.speedfog.racing.seeds.graph;

/** A graph.json that cannot be used; the message names the file and what to fix. */
public class InvalidSeedGraphException extends RuntimeException {

    public InvalidSeedGraphException(String message) {
        super(message);
    }

    public InvalidSeedGraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
