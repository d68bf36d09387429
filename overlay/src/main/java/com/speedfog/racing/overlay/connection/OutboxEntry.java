package com.speedfog.racing.overlay.connection;

/** One gameplay message waiting for its ack: its id and the exact frame to (re)send. */
public record OutboxEntry(String messageId, String frame) {

    public OutboxEntry {
        if (messageId == null || messageId.isBlank() || messageId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("message id must be one non-blank line");
        }
        if (frame.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("frame must be one line");
        }
    }
}
