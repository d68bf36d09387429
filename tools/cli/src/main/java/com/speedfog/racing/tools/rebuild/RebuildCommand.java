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
import java.time.Duration;
import java.util.concurrent.Callable;

/** Throws every read model away and replays it from the event store, showing progress. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Reset and replay every projection (read model) from the event store, with progress.")
public class RebuildCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

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
            JsonNode progress = gateway.post("/api/admin/projections/rebuild");
            long head = progress.path("head").asLong();
            out.println("Rebuilding " + progress.path("groups").size() + " read models over " + head + " stored events");
            if (noWait) {
                return 0;
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("rebuild").setInitialMax(Math.max(head, 1))
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" events", 1).continuousUpdate().setConsumer(
                            new DelegatingProgressBarConsumer(line -> {
                                out.print('\r' + line);
                                out.flush();
                            })).build()) {
                while (true) {
                    progress = gateway.get("/api/admin/projections");
                    long slowest = Long.MAX_VALUE;
                    for (JsonNode group : progress.path("groups")) {
                        slowest = Math.min(slowest, group.path("position").asLong());
                    }
                    bar.maxHint(Math.max(progress.path("head").asLong(), 1));
                    bar.stepTo(Math.max(0, slowest));
                    if (progress.path("rebuilt").asBoolean()) {
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        out.println();
                        out.println("Gave up after " + timeout + "; the rebuild goes on in the server.");
                        return 1;
                    }
                    Thread.sleep(250);
                }
            }
            out.println();
            out.println("Rebuilt every read model.");
            return 0;
        } catch (GatewayClient.GatewayException e) {
            out.println("rebuild failed: " + e.getMessage());
            return 1;
        }
    }
}
