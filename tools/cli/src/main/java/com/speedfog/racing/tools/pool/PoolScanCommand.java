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

@Command(name = "scan", mixinStandardHelpOptions = true, description = "Ask the server to rescan its pool folder (admin).")
public class PoolScanCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            JsonNode report = new GatewayClient(server).post("/api/admin/seeds/scan");
            out.println("Scanned " + report.path("root").asText() + ": " + report.path("pools").asInt() + " pools, "
                    + report.path("seeds").asInt() + " seeds (" + report.path("added").asInt() + " new), "
                    + report.path("rejected").asInt() + " rejected");
            report.path("problems").forEach(problem -> out.println("  " + problem.asText()));
            return 0;
        } catch (GatewayClient.GatewayException e) {
            out.println("scan failed: " + e.getMessage());
            return 1;
        }
    }
}
