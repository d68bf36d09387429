package com.speedfog.racing.tools.explore;

import com.speedfog.racing.seeds.demo.DemoFiles;
import com.speedfog.racing.seeds.fog.FogData;
import com.speedfog.racing.seeds.spoiler.InvalidSpoilerLogException;
import com.speedfog.racing.seeds.spoiler.SpoilerLog;
import com.speedfog.racing.seeds.zone.TraversalResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** How many of a seed's random transitions the map ids resolve (the figure of docs/exploration.md). */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = "Resolves every random transition of a FogRando spoiler log from its map ids and prints how many"
                + " resolve to exactly one link, with the overlay's resolver and with the integration spec's.")
public class ExploreMeasureCommand implements Callable<Integer> {

    @Option(names = "--spoiler-log", description = "FogRando spoiler log (default: the demo log of seed 561689827)")
    Path spoilerLog;

    @Option(names = "--fog-txt", description = "FogRando's fog.txt (default: the copy shipped with SpeedFog Racing)")
    Path fogTxt;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SpoilerLog log;
        FogData fog;
        try {
            log = spoilerLog == null
                    ? SpoilerLog.parse(new ByteArrayInputStream(DemoFiles.spoilerLog()), DemoFiles.SPOILER_LOG)
                    : SpoilerLog.parse(spoilerLog);
            fog = fogTxt == null ? FogData.bundled() : FogData.parse(fogTxt);
        } catch (InvalidSpoilerLogException | IllegalArgumentException e) {
            out.println("measure: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            out.println("measure: cannot read " + fogTxt + ": " + e.getMessage());
            return 2;
        }
        out.println("seed " + log.seed() + ": " + log.randomLinks().size() + " random links, "
                + (log.links().size() - log.randomLinks().size()) + " preexisting");
        out.println("overlay (gate sides): " + TraversalResolver.of(log, fog).measure().summary());
        out.println("spec (zone maps):     " + TraversalResolver.byZoneMapsOnly(log, fog).measure().summary());
        return 0;
    }
}
