package com.speedfog.racing.tools.race;

import picocli.CommandLine.Command;

@Command(name = "race", mixinStandardHelpOptions = true, description = "Races on a running gateway.",
        subcommands = {RaceSimulateCommand.class})
public class RaceCommand {
}
