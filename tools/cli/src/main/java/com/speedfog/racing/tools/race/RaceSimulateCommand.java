package com.speedfog.racing.tools.race;

import com.fasterxml.jackson.databind.JsonNode;
import com.speedfog.racing.overlay.game.GameReader;
import com.speedfog.racing.overlay.race.IgtFormat;
import com.speedfog.racing.overlay.session.OverlayApp;
import com.speedfog.racing.overlay.simulate.SimulationGraph;
import com.speedfog.racing.tools.common.Folders;
import com.speedfog.racing.tools.common.GatewayClient;
import com.speedfog.racing.tools.common.GatewayClient.GatewayException;
import com.speedfog.racing.tools.common.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Creates races through the HTTP API and races them with simulated players: for each player the
 * overlay's simulated game, race logic and connection run headless in this JVM, on the seed pack the
 * gateway made for them. Prints the race page to watch and the players' progress; exit 0 once every
 * race finished, 1 with the reason otherwise.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Create races and run them with simulated players (the overlay's simulated game, race logic and "
                + "connection, headless, in this program), printing the race page to watch and the players' progress.",
                "Without --token, on a gateway on this machine, the development login makes an organizer "
                        + "(sim_organizer) and one user per player (sim_1, sim_2, ...).",
                "Exit codes: 0 every race finished, 1 failed (the reason is printed), 2 bad usage."})
public class RaceSimulateCommand implements Callable<Integer> {

    static final Duration POLL = Duration.ofMillis(500);
    static final Duration READY_WITHIN = Duration.ofSeconds(45);
    static final String CLIENT_VERSION = "speedfog-tools-simulate/0.1.0";
    static final String ORGANIZER_LOGIN = "sim_organizer";
    /** Attempts at drawing a seed the simulated players can walk (graph.json v4) before giving up. */
    static final int SEED_ATTEMPTS = 6;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Mixin
    ServerOptions server;

    @Option(names = "--players", required = true, paramLabel = "N", description = "Simulated players in each race (1-100).")
    int players;

    @Option(names = "--races", defaultValue = "1", paramLabel = "R", description = "Races run at the same time (1-20, default ${DEFAULT-VALUE}).")
    int races;

    @Option(names = "--pace", defaultValue = "3", paramLabel = "SECONDS",
            description = "Average wall-clock seconds a simulated player spends in a zone (default ${DEFAULT-VALUE}).")
    double pace;

    @Option(names = "--speed", defaultValue = "20", paramLabel = "FACTOR",
            description = "In-game time runs this many times faster than the wall clock (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--start-in", defaultValue = "10", paramLabel = "SECONDS",
            description = "Countdown to GO, started once every player is ready (default ${DEFAULT-VALUE}).")
    int startIn;

    @Option(names = "--pool", defaultValue = "demo",
            description = "Seed pool to draw from; its seeds need a graph.json v4 (default ${DEFAULT-VALUE}).")
    String pool;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up when the races are not finished this long after GO (default: from the pace and the seed's size).")
    Integer timeoutSeconds;

    @Option(names = "--sim-seed", paramLabel = "N",
            description = "Random seed of the first simulated player, N+1 for the next, ...: the same runs again (default: random).")
    Long simulationSeed;

    @Option(names = "--keep-files", description = "Keep the downloaded packs and the players' overlay logs (always kept on failure).")
    boolean keepFiles;

    @Spec
    CommandSpec spec;

    /** Why the simulation cannot go on, for the person who ran it. */
    static final class SimulationFailure extends Exception {
        SimulationFailure(String message) {
            super(message);
        }
    }

    /** One simulated player: their pack, their overlay and how it ended. */
    static final class Player {
        final String login;
        final Path pack;
        final Path log;
        OverlayApp app;
        PrintStream logStream;
        CompletableFuture<Integer> exit;

        Player(String login, Path pack) {
            this.login = login;
            this.pack = pack;
            this.log = pack.resolve("overlay.log");
        }
    }

    /** One race being simulated. */
    static final class Race {
        final String id;
        final String name;
        final SimulationGraph graph;
        final List<Player> players;
        String lastLine = "";
        String status = "";

        Race(String id, String name, SimulationGraph graph, List<Player> players) {
            this.id = id;
            this.name = name;
            this.graph = graph;
            this.players = players;
        }
    }

    private PrintWriter out;
    private long startedNanos;
    /** Races made by this run and not started yet: cancelled if the run fails, so their seeds go back to the pool. */
    private final List<String> notStarted = new ArrayList<>();

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        startedNanos = System.nanoTime();
        String usage = usageProblem();
        if (usage != null) {
            out.println(usage);
            return 2;
        }
        Path work;
        try {
            work = Files.createTempDirectory("speedfog-simulate-");
        } catch (IOException e) {
            out.println("race simulate failed: cannot make a temporary folder: " + e.getMessage());
            return 1;
        }
        List<Race> created = new ArrayList<>();
        boolean finished = false;
        GatewayClient organizer = null;
        try {
            GatewayClient anonymous = new GatewayClient(server);
            organizer = organizer(anonymous);
            List<String> logins = playerAccounts(anonymous);
            for (int r = 1; r <= races; r++) {
                created.add(createRace(organizer, logins, r, work));
            }
            long seed = simulationSeed != null ? simulationSeed : new Random().nextLong();
            for (Race race : created) {
                for (Player player : race.players) {
                    startOverlay(player, seed++);
                }
            }
            // The races are public: followed without a token, which another run's development login could replace.
            awaitReady(anonymous, created);
            for (Race race : created) {
                organizer.post("/api/races/" + race.id + "/start", Map.of("in_seconds", startIn));
                notStarted.remove(race.id);
            }
            say("GO in " + startIn + " s");
            follow(anonymous, created);
            finished = true;
            summary(anonymous, created);
            return 0;
        } catch (GatewayException | SimulationFailure e) {
            out.println("race simulate failed: " + e.getMessage());
            if (e.getMessage().contains("no seed left")) {
                out.println("Every race takes a seed of its own. More seeds without the game: "
                        + "speedfog-tools pool generate --synthetic --pool " + pool + " --count 20 --root <the gateway's pools folder>, "
                        + "then speedfog-tools pool scan --server " + server.server + " --token <an admin's API token>.");
            }
            return 1;
        } catch (IOException e) {
            out.println("race simulate failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("race simulate failed: interrupted");
            return 1;
        } finally {
            stopOverlays(created);
            cancelNotStarted(organizer);
            if ((finished && !keepFiles) || isEmpty(work)) {
                Folders.deleteQuietly(work);
            } else {
                out.println("Packs and overlay logs: " + work);
            }
            out.flush();
        }
    }

    private String usageProblem() {
        if (players < 1 || players > 100) {
            return "--players must be from 1 to 100 (was " + players + ")";
        }
        if (races < 1 || races > 20) {
            return "--races must be from 1 to 20 (was " + races + ")";
        }
        if (!(pace >= 0.05) || !(speed > 0)) {
            return "--pace must be at least 0.05 seconds and --speed positive";
        }
        if (startIn < 1 || startIn > 3600) {
            return "--start-in must be from 1 to 3600 seconds";
        }
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            return "--timeout must be positive";
        }
        return null;
    }

    // ---- accounts

    private GatewayClient organizer(GatewayClient anonymous) throws SimulationFailure {
        if (server.token != null && !server.token.isBlank()) {
            return anonymous.withToken(server.token);
        }
        if (!isLoopback()) {
            throw new SimulationFailure("give --token (an organizer's API token): without one, the development login "
                    + "is used, and it only answers on the gateway's own machine (" + server.server + " is not loopback)");
        }
        return anonymous.withToken(devLogin(anonymous, ORGANIZER_LOGIN, "organizer"));
    }

    /** One account per simulated player, made (or logged into) with the development login. */
    private List<String> playerAccounts(GatewayClient anonymous) throws SimulationFailure {
        List<String> logins = new ArrayList<>();
        for (int n = 1; n <= players; n++) {
            String login = "sim_" + n;
            devLogin(anonymous, login, "user");
            logins.add(login);
        }
        return logins;
    }

    private String devLogin(GatewayClient anonymous, String login, String role) throws SimulationFailure {
        try {
            return anonymous.post("/api/auth/dev-login", Map.of("username", login, "role", role)).path("token").asText();
        } catch (GatewayException e) {
            throw new SimulationFailure("the simulated players (and, without --token, the organizer) need accounts from "
                    + "the development login, which only exists on a gateway without Twitch login reached from its own "
                    + "machine; logging in " + login + " failed: " + e.getMessage());
        }
    }

    private boolean isLoopback() {
        try {
            String host = server.server.getHost();
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    // ---- races and packs

    private Race createRace(GatewayClient organizer, List<String> logins, int number, Path work)
            throws IOException, SimulationFailure {
        String name = "Simulated race" + (races > 1 ? " " + number : "") + " " + LocalTime.now().format(CLOCK);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("public", true);
        if (startIn >= 3 && startIn <= 600) {
            config.put("countdown_seconds", startIn); // what the race page shows; the gateway allows 3-600
        }
        config.put("max_participants", Math.max(16, players));
        JsonNode race = organizer.post("/api/races", Map.of("name", name, "pool_name", pool, "config", config)).path("race");
        String raceId = race.path("id").asText();
        notStarted.add(raceId);
        for (String login : logins) {
            JsonNode added = organizer.post("/api/races/" + raceId + "/participants", Map.of("twitch_username", login));
            if (added.path("participant_id").isNull() || added.path("participant_id").isMissingNode()) {
                throw new SimulationFailure("the gateway did not register " + login + " (it made an invite instead)");
            }
        }
        Path folder = Files.createDirectories(work.resolve("race-" + number));
        for (int attempt = 1; ; attempt++) {
            List<Player> packs = downloadPacks(organizer, raceId, folder);
            try {
                SimulationGraph graph = SimulationGraph.load(packs.get(0).pack.resolve("graph.json"));
                say("Race '" + name + "': " + logins.size() + " simulated player(s) on seed " + race.path("seed_id").asText()
                        + " (" + graph.nodes().size() + " zones, " + graph.totalLayers() + " layers)");
                say("Watch it: " + organizer.baseUrl() + "/race.html?id=" + raceId);
                return new Race(raceId, name, graph, packs);
            } catch (IOException notWalkable) {
                if (attempt >= SEED_ATTEMPTS) {
                    throw new SimulationFailure("pool '" + pool + "' gave no seed the simulated players can walk in "
                            + SEED_ATTEMPTS + " draws (they need a graph.json v4 with event_map): " + notWalkable.getMessage());
                }
                say("seed " + race.path("seed_id").asText() + " cannot be walked by simulated players (they need a "
                        + "graph.json v4): drawing another one");
                try {
                    race = organizer.post("/api/races/" + raceId + "/reroll-seed");
                } catch (GatewayException e) {
                    throw new SimulationFailure("pool '" + pool + "' has no other seed: " + e.getMessage());
                }
                clear(folder);
            }
        }
    }

    /** Generates the packs (fresh mod tokens) and unzips each player's into a folder of its own. */
    private List<Player> downloadPacks(GatewayClient organizer, String raceId, Path folder) throws IOException, SimulationFailure {
        JsonNode packs = organizer.post("/api/races/" + raceId + "/generate-zips").path("packs");
        List<Player> result = new ArrayList<>();
        for (JsonNode pack : packs) {
            String name = pack.path("display_name").asText();
            Path target = Files.createDirectories(folder.resolve(safeName(name)));
            Path zip = folder.resolve(safeName(name) + ".zip");
            organizer.download(pack.path("download_url").asText(), zip);
            unzip(zip, target);
            Files.delete(zip);
            Path config;
            try (Stream<Path> files = Files.walk(target)) {
                config = files.filter(p -> p.getFileName().toString().equals("speedfog_race.toml")).findFirst()
                        .orElseThrow(() -> new SimulationFailure("the pack of " + name + " has no speedfog_race.toml"));
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            result.add(new Player(name, config.getParent()));
        }
        if (result.isEmpty()) {
            throw new SimulationFailure("the gateway made no packs for race " + raceId);
        }
        return result;
    }

    static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path file = root.resolve(entry.getName()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("the pack holds an unsafe path: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(entries, file);
                }
            }
        }
    }

    static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_-]+", "_");
        return safe.isEmpty() ? "player" : safe;
    }

    // ---- the simulated overlays

    private void startOverlay(Player player, long seed) throws IOException {
        player.logStream = new PrintStream(Files.newOutputStream(player.log), true, StandardCharsets.UTF_8);
        player.app = new OverlayApp(new OverlayApp.Options(player.pack.resolve("speedfog_race.toml"), true, true,
                GameReader.DEFAULT_MODULE, Duration.ofMillis(Math.round(pace * 1000)), speed, seed, true, CLIENT_VERSION),
                player.logStream);
        player.exit = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                player.exit.complete(player.app.run());
            } catch (Throwable e) {
                player.logStream.println("overlay failed: " + e);
                player.exit.complete(OverlayApp.EXIT_SETUP_FAILED);
            }
        }, "simulated-" + player.login);
        thread.setDaemon(true);
        thread.start();
    }

    /** After a failure: races that never started are cancelled, which gives their seeds back to the pool. */
    private void cancelNotStarted(GatewayClient organizer) {
        for (String raceId : notStarted) {
            try {
                organizer.delete("/api/races/" + raceId);
                out.println("Cancelled race " + raceId + " (never started): its seed went back to the pool.");
            } catch (GatewayException e) {
                out.println("Could not cancel race " + raceId + ": " + e.getMessage());
            }
        }
        notStarted.clear();
    }

    private void stopOverlays(List<Race> created) {
        List<Player> all = created.stream().flatMap(r -> r.players.stream()).filter(p -> p.app != null).toList();
        all.forEach(p -> p.app.stop());
        for (Player player : all) {
            try {
                player.exit.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // it is a daemon thread: it ends with this program
            }
            player.logStream.close();
        }
    }

    /** A simulated overlay that stopped with an error code, as a sentence. */
    private static String stoppedOverlay(Race race, Player player) {
        Integer code = player.exit.getNow(null);
        if (code == null || code == OverlayApp.EXIT_OK) {
            return null;
        }
        String why = switch (code) {
            case OverlayApp.EXIT_TOKEN_REFUSED -> "the gateway refused its mod token";
            case OverlayApp.EXIT_REPLACED -> "another overlay took over its participant";
            default -> "its setup failed";
        };
        return "the simulated overlay of " + player.login + " in '" + race.name + "' stopped: " + why + " (exit " + code
                + "). Last lines of " + player.log + ":\n" + tail(player.log, 8);
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size()).stream().map(l -> "    " + l)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "    (unreadable: " + e.getMessage() + ")";
        }
    }

    // ---- following the races

    private void awaitReady(GatewayClient gateway, List<Race> created) throws SimulationFailure, InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            List<String> waiting = new ArrayList<>();
            for (Race race : created) {
                checkOverlays(race);
                for (JsonNode participant : gateway.get("/api/races/" + race.id).path("participants")) {
                    if (participant.path("status").asText().equals("registered")) {
                        waiting.add(participant.path("display_name").asText());
                    }
                }
            }
            if (waiting.isEmpty()) {
                say("every simulated player is connected and ready");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SimulationFailure("not ready within " + READY_WITHIN.toSeconds() + " s: " + String.join(", ", waiting)
                        + " (their overlays could not connect? see their overlay.log)");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private void checkOverlays(Race race) throws SimulationFailure {
        for (Player player : race.players) {
            String stopped = stoppedOverlay(race, player);
            if (stopped != null) {
                throw new SimulationFailure(stopped);
            }
        }
    }

    /** Prints each race's progress when it changes, until every race finished. */
    private void follow(GatewayClient gateway, List<Race> created) throws SimulationFailure, InterruptedException {
        long limitSeconds = timeoutSeconds != null ? timeoutSeconds : automaticTimeoutSeconds(created);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds + startIn);
        String unreachable = null;
        while (true) {
            boolean allFinished = true;
            for (Race race : created) {
                checkOverlays(race);
                JsonNode detail;
                try {
                    detail = gateway.get("/api/races/" + race.id);
                    if (unreachable != null) {
                        say("(the gateway answers again)");
                        unreachable = null;
                    }
                } catch (GatewayException e) {
                    if (!e.getMessage().equals(unreachable)) {
                        say("(" + e.getMessage() + "; the players keep racing and reconnect)");
                        unreachable = e.getMessage();
                    }
                    allFinished = false;
                    continue;
                }
                race.status = detail.path("race").path("status").asText();
                if (race.status.equals("cancelled")) {
                    throw new SimulationFailure("race '" + race.name + "' was cancelled");
                }
                allFinished &= race.status.equals("finished");
                String line = progressLine(race, detail);
                if (!line.equals(race.lastLine)) {
                    race.lastLine = line;
                    say(line);
                }
            }
            if (allFinished) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SimulationFailure("not finished " + limitSeconds + " s after GO: "
                        + created.stream().map(r -> r.lastLine).collect(Collectors.joining("; ")));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Generous: every zone of the seed at the slowest pace, with deaths, revisits and loading screens, plus a minute. */
    private long automaticTimeoutSeconds(List<Race> created) {
        int zones = created.stream().mapToInt(r -> r.graph.nodes().size()).max().orElse(1);
        return 60 + (long) Math.ceil(zones * (2.5 * pace + 5));
    }

    static String progressLine(Race race, JsonNode detail) {
        int lastLayer = Math.max(1, race.graph.totalLayers() - 1);
        List<String> players = new ArrayList<>();
        for (JsonNode p : detail.path("participants")) {
            String name = p.path("display_name").asText();
            String status = p.path("status").asText();
            String where;
            if (status.equals("finished")) {
                where = "FINISHED " + IgtFormat.clock(p.path("finish_igt_ms").asLong(p.path("igt_ms").asLong()));
            } else if (status.equals("playing")) {
                where = "layer " + p.path("current_layer").asInt() + "/" + lastLayer + (p.path("mod_connected").asBoolean() ? "" : " (offline)");
            } else {
                where = status;
            }
            players.add(name + " " + where);
        }
        return race.name + " [" + detail.path("race").path("status").asText() + "]: " + String.join(" | ", players);
    }

    private void summary(GatewayClient gateway, List<Race> created) {
        for (Race race : created) {
            JsonNode detail;
            try {
                detail = gateway.get("/api/races/" + race.id);
            } catch (GatewayException e) {
                continue; // finished is finished; the results are on the race page
            }
            List<JsonNode> finishers = new ArrayList<>();
            detail.path("participants").forEach(finishers::add);
            finishers.sort(Comparator.comparingLong(p -> p.path("finish_igt_ms").asLong(Long.MAX_VALUE)));
            Map<String, String> result = new LinkedHashMap<>();
            for (JsonNode p : finishers) {
                result.put(p.path("display_name").asText(), p.path("finish_igt_ms").isNumber()
                        ? IgtFormat.clock(p.path("finish_igt_ms").asLong()) + ", " + p.path("death_count").asInt() + " deaths"
                        : p.path("status").asText());
            }
            say("'" + race.name + "' finished: " + result.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(" | ")) + "  (" + gateway.baseUrl() + "/race.html?id=" + race.id + ")");
        }
        say("Every race finished.");
    }

    private void say(String line) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedNanos);
        out.println(String.format("[%02d:%02d] %s", seconds / 60, seconds % 60, line));
        out.flush();
    }

    // ---- files

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void clear(Path folder) throws IOException {
        Folders.deleteQuietly(folder);
        Files.createDirectories(folder);
    }
}
