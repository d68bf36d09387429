package com.speedfog.racing.seeds.pool;

import com.speedfog.racing.seeds.graph.SeedGraph;

import java.util.Collection;
import java.util.List;

/** Finds the folder of a seed that holds graph.json: the seed's root, or exactly one top-level folder. */
final class GraphLocation {

    private GraphLocation() {
    }

    /**
     * @param files every file of the seed, relative, with '/' separators
     * @return {@code ""} when graph.json is at the root, else {@code "<folder>/"}
     */
    static String contentRoot(Collection<String> files) {
        if (files.contains(SeedGraph.FILE_NAME)) {
            return "";
        }
        List<String> folders = files.stream()
                .filter(file -> file.endsWith("/" + SeedGraph.FILE_NAME))
                .map(file -> file.substring(0, file.length() - SeedGraph.FILE_NAME.length()))
                .filter(folder -> folder.indexOf('/') == folder.length() - 1)
                .sorted()
                .toList();
        if (folders.isEmpty()) {
            throw new SeedRejectedException("no graph.json at the root or in a top-level folder: is this a SpeedFog seed?");
        }
        if (folders.size() > 1) {
            throw new SeedRejectedException("graph.json is in " + folders.size() + " top-level folders ("
                    + String.join(", ", folders) + "): a seed holds exactly one");
        }
        return folders.get(0);
    }
}
