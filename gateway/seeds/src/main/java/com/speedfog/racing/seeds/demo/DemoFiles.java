package com.speedfog.racing.seeds.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Real files shipped in this module as demos (and read by the tests of every module, so each exists once):
 * SpeedFog's sample graphs and a FogRando spoiler log.
 */
public final class DemoFiles {

    /** The spoiler log's resource name (a real FogRando v6 run, seed 561689827). */
    public static final String SPOILER_LOG = "fogrando_spoiler_demo_log.txt";

    private DemoFiles() {
    }

    /** SpeedFog's real sample graph.json, version 3 (no event flags). */
    public static byte[] sampleGraphV3() {
        return resource("sample_graph_v3.json");
    }

    /** SpeedFog's real sample graph.json of the same seed, version 4 (event_map, exits, finish_event). */
    public static byte[] sampleGraphV4() {
        return resource("sample_graph_v4.json");
    }

    /** A real FogRando spoiler log, as FogRando writes it into {@code spoiler_logs/}. */
    public static byte[] spoilerLog() {
        return resource(SPOILER_LOG);
    }

    static byte[] resource(String name) {
        try (InputStream in = DemoFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the seeds jar (expected next to "
                        + DemoFiles.class.getName() + ")");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + name, e);
        }
    }
}
