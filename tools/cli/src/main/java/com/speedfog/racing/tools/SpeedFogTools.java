package com.speedfog.racing.tools;

import com.speedfog.racing.tools.bench.BenchCommand;
import com.speedfog.racing.tools.explore.ExploreCommand;
import com.speedfog.racing.tools.export.ExportCommand;
import com.speedfog.racing.tools.pool.PoolCommand;
import com.speedfog.racing.tools.race.RaceCommand;
import com.speedfog.racing.tools.rebuild.RebuildCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code speedfog-tools}: the platform's command-line programs.
 * Exit codes: 0 done, 1 the server refused or failed, 2 bad usage.
 */
@Command(name = "speedfog-tools", mixinStandardHelpOptions = true, version = "speedfog-tools 0.1.0",
        description = "Command-line tools for SpeedFog Racing.",
        subcommands = {PoolCommand.class, RaceCommand.class, ExportCommand.class, RebuildCommand.class, BenchCommand.class,
                ExploreCommand.class,
                CommandLine.HelpCommand.class})
public class SpeedFogTools implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new SpeedFogTools());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
