package com.speedfog.racing.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded PostgreSQL as the platform runs it when no external database is configured: durable. An
 * acknowledged message must survive a power loss or an OS crash, and the data folder must stay
 * readable after one. zonky's defaults are made for tests (it passes {@code -F}, fsync off, and sets
 * {@code synchronous_commit=off}); these settings come after its own on the server's command line and
 * win. Tests keep zonky's fast defaults ({@code TestDatabase}); the gateway and the bench, which must
 * measure what production runs, start their server from here.
 */
public final class DurableEmbeddedPostgres {
    /** Every commit flushed to disk before it is answered; torn pages repairable after a crash. */
    public static final Map<String, String> SETTINGS = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private DurableEmbeddedPostgres() {
    }

    /** A builder for a durable server keeping its files in {@code dataDir} (kept between runs unless told otherwise). */
    public static EmbeddedPostgres.Builder builder(Path dataDir) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false);
        SETTINGS.forEach(builder::setServerConfig);
        return builder;
    }
}
