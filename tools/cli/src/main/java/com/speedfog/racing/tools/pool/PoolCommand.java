package com.speedfog.racing.tools.pool;

import picocli.CommandLine.Command;

@Command(name = "pool", mixinStandardHelpOptions = true, description = "Seed pools: generate seeds, rescan, statistics.",
        subcommands = {PoolGenerateCommand.class, PoolScanCommand.class, PoolStatsCommand.class})
public class PoolCommand {
}
