package com.speedfog.racing.tools.explore;

import picocli.CommandLine.Command;

@Command(name = "explore", mixinStandardHelpOptions = true, description = "Exploration mode: FogRando seeds explored zone by zone.",
        subcommands = {ExploreMeasureCommand.class})
public class ExploreCommand {
}
