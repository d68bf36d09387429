package com.speedfog.racing.tools.pool;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.tools.common.GatewayClient;
import com.speedfog.racing.tools.common.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Seeds available, consumed and discarded per pool.")
public class PoolStatsCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            JsonNode pools = new GatewayClient(server).get("/api/pools");
            out.printf("%-20s %9s %9s %9s  %s%n", "pool", "available", "consumed", "discarded", "description");
            for (JsonNode pool : pools) {
                out.printf("%-20s %9d %9d %9d  %s%n", pool.path("name").asText(), pool.path("available").asInt(),
                        pool.path("consumed").asInt(), pool.path("discarded").asInt(),
                        pool.path("problem").isTextual() ? "PROBLEM: " + pool.path("problem").asText()
                                : pool.path("description").asText(""));
            }
            return 0;
        } catch (GatewayClient.GatewayException e) {
            out.println("stats failed: " + e.getMessage());
            return 1;
        }
    }
}
