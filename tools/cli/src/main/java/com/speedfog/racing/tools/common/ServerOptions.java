package com.speedfog.racing.tools.common;

import picocli.CommandLine.Option;

import java.net.URI;

/** Where the gateway is and who we are to it. */
public class ServerOptions {

    @Option(names = "--server", defaultValue = "http://localhost:8080",
            description = "Gateway base URL (default: ${DEFAULT-VALUE}).")
    public URI server;

    @Option(names = "--token", defaultValue = "${env:SPEEDFOG_API_TOKEN}",
            description = "API token of an admin (default: the SPEEDFOG_API_TOKEN environment variable).")
    public String token;
}
