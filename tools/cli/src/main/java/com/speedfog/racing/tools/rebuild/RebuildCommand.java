package com.speedfog.racing.tools.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.tools.common.GatewayClient;
import com.speedfog.racing.tools.common.ServerOptions;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Rebuilds read models from the event store while the live ones keep serving, showing events replayed, rate
 * and time left; the rebuilt tables take over once they have caught up.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Replay read models (projections) from the event store into new tables while the live ones serve; "
                + "the new tables take over once caught up. Shows events replayed, rate and time left.")
public class RebuildCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Option(names = "--group", description = "Only this read model (processing group), e.g. race-views; repeatable. Default: all.")
    List<String> groups;

    @Option(names = "--timeout", defaultValue = "PT30M", description = "Give up after this long (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-wait", description = "Start the rebuild and return at once.")
    boolean noWait;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        GatewayClient gateway = new GatewayClient(server);
        try {
            String query = groups == null ? "" : "?" + String.join("&", groups.stream()
                    .map(g -> "group=" + URLEncoder.encode(g, StandardCharsets.UTF_8)).toList());
            JsonNode progress = gateway.post("/api/admin/projections/rebuild" + query);
            JsonNode rebuild = progress.path("rebuild");
            out.println("Rebuilding " + rebuild.path("groups").size() + " read models (" + String.join(", ",
                    names(rebuild.path("groups"))) + ") over " + progress.path("head").asLong() + " stored events");
            if (noWait) {
                return 0;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("rebuild").setInitialMax(1)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" events", 1).continuousUpdate().setConsumer(
                            new DelegatingProgressBarConsumer(line -> {
                                out.print('\r' + line);
                                out.flush();
                            })).build()) {
                while (true) {
                    rebuild = progress.path("rebuild");
                    bar.maxHint(Math.max(rebuild.path("events").asLong(), 1));
                    bar.stepTo(rebuild.path("replayed").asLong());
                    bar.setExtraMessage(String.format(Locale.ROOT, " %,.0f events/s, %s left, %s", rebuild.path("rate").asDouble(),
                            rebuild.path("secondsLeft").isNumber() ? Math.round(rebuild.path("secondsLeft").asDouble()) + " s" : "?",
                            rebuild.path("state").asText().toLowerCase(Locale.ROOT)));
                    if (progress.path("rebuilt").asBoolean() || progress.path("failed").asBoolean()) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        out.println();
                        out.println("Gave up after " + timeout + "; the rebuild goes on in the server.");
                        return 1;
                    }
                    Thread.sleep(250);
                    progress = gateway.get("/api/admin/projections");
                }
            }
            out.println();
            if (progress.path("failed").asBoolean()) {
                out.println("rebuild failed: " + rebuild.path("error").asText() + " (the live tables go on serving)");
                return 1;
            }
            out.println(String.format(Locale.ROOT, "Rebuilt every read model: %,d events at %,.0f events/s; the new tables serve.",
                    rebuild.path("replayed").asLong(), rebuild.path("rate").asDouble()));
            return 0;
        } catch (GatewayClient.GatewayException e) {
            out.println("rebuild failed: " + e.getMessage());
            return 1;
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
