package com.speedfog.racing.tools.export;

import com.speedfog.racing.tools.common.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Every stored event of a race, streamed to a file (JSON lines or CSV), with the bytes received shown. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a race's events as JSON lines or CSV.")
public class ExportCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Option(names = "--race", required = true, description = "Race id.")
    UUID race;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or csv (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", description = "File to write (default: race-<id>.<format> in the current folder).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter console = spec.commandLine().getOut();
        if (!format.equals("jsonl") && !format.equals("csv")) {
            console.println("--format must be jsonl or csv (was '" + format + "')");
            return 2;
        }
        Path target = out != null ? out : Path.of("race-" + race + "." + format);
        URI uri = URI.create(server.server.toString().replaceAll("/+$", "") + "/api/races/" + race + "/events?format=" + format);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (server.token != null && !server.token.isBlank()) {
            request.header("Authorization", "Bearer " + server.token);
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                try (InputStream body = response.body()) {
                    console.println("export failed: " + uri + " answered " + response.statusCode() + ": "
                            + new String(body.readAllBytes()));
                }
                return 1;
            }
            long bytes = 0;
            long lines = 0;
            try (InputStream body = response.body(); OutputStream file = Files.newOutputStream(target)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    file.write(buffer, 0, n);
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    console.print("\rexported " + lines + " lines, " + bytes / 1024 + " KiB");
                    console.flush();
                }
            }
            console.println();
            console.println("Wrote " + target.toAbsolutePath());
            return 0;
        } catch (ConnectException e) {
            console.println("export failed: cannot reach the gateway at " + server.server + " (use --server)");
            return 1;
        } catch (IOException e) {
            console.println("export failed: " + e.getMessage());
            return 1;
        }
    }
}
