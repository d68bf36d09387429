package com.speedfog.racing.overlay.config;

/** The config file is missing or wrong; the message names the file, the field and what is wrong. */
public class InvalidConfigException extends RuntimeException {

    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
