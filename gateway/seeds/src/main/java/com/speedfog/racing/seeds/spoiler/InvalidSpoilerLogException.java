package com.speedfog.racing.seeds.spoiler;

/** The file is not a FogRando spoiler log we can read; the message names the file and what is wrong. */
public class InvalidSpoilerLogException extends RuntimeException {

    public InvalidSpoilerLogException(String message) {
        super(message);
    }
}
