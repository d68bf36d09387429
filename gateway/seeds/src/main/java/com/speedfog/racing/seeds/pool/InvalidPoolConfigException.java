package com.speedfog.racing.seeds.pool;

/** A pool's config.toml that cannot be used; the message names the file and the field to fix. */
public class InvalidPoolConfigException extends RuntimeException {

    public InvalidPoolConfigException(String message) {
        super(message);
    }

    public InvalidPoolConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
