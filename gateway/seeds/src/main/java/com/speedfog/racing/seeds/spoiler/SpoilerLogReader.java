package com.speedfog.racing.seeds.spoiler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a FogRando spoiler log. Its layout (v6): a first line {@code Options and seed: ... seed:<n>}, an
 * introduction, then one unindented line per zone ({@code Zone (scaling: tier 4, previously 14) <<<<<}), each
 * followed by its ways in, indented: {@code   Random: A (where in A) --> B (where in B)} or
 * {@code   Preexisting: A --> B (how)}, possibly ending with {@code , using items from ...}. Lines of
 * {@code >} separate progression stages, {@code Optional areas:} starts the zones not needed to finish, and
 * {@code Finished <seed>} ends the list (the generator's own output follows).
 */
final class SpoilerLogReader {

    private static final Pattern FIRST_LINE = Pattern.compile("Options and seed:(.*)\\bseed:(\\d+)\\s*");
    private static final Pattern AREA = Pattern.compile(
            "(.+?)(?: \\(scaling: tier (\\d{1,6})(?:, previously (\\d{1,6}))?\\))?( <<<<<)?");
    private static final Pattern LINK = Pattern.compile(" {2}(Random|Preexisting): (.+?) --> (.+)");
    private static final Pattern SEPARATOR = Pattern.compile(">{5,}");
    private static final String OPTIONAL = "Optional areas:";

    private final String label;

    SpoilerLogReader(String label) {
        this.label = label;
    }

    private record Line(int number, String text) {
    }

    SpoilerLog read(InputStream in) {
        List<Line> lines = readLines(in);
        if (lines.isEmpty()) {
            throw problem("the file is empty");
        }
        Matcher first = FIRST_LINE.matcher(lines.get(0).text());
        if (!first.matches()) {
            throw problem("line 1 should be 'Options and seed: ... seed:<number>': is this a FogRando spoiler log"
                    + " (spoiler_logs/<date>_log_<seed>_<hash>.txt)?");
        }
        long seed;
        try {
            seed = Long.parseLong(first.group(2));
        } catch (NumberFormatException e) {
            throw problem("line 1: seed " + first.group(2) + " is too large");
        }
        Set<String> options = new LinkedHashSet<>();
        for (String option : first.group(1).strip().split("\\s+")) {
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        int start = areaListStart(lines);
        List<SpoilerArea> areas = new ArrayList<>();
        List<ZoneLink> links = new ArrayList<>();
        boolean optional = false;
        for (int i = start; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.text();
            if (text.isBlank() || SEPARATOR.matcher(text).matches()) {
                continue;
            }
            if (text.equals(OPTIONAL)) {
                optional = true;
            } else if (text.startsWith("Finished ")) {
                break;
            } else if (text.startsWith(" ")) {
                links.add(link(line));
            } else {
                areas.add(area(text, optional));
            }
        }
        if (links.isEmpty()) {
            throw problem("no zone links found (lines like '  Random: A (where) --> B (where)'): is this a FogRando spoiler log?");
        }
        return SpoilerLog.of(seed, options, areas, links);
    }

    /** The zone list starts at the first zone line: one with scaling, or one followed by a way in. */
    private int areaListStart(List<Line> lines) {
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (text.isBlank() || text.startsWith(" ")) {
                continue;
            }
            boolean scaled = text.contains(" (scaling: tier ");
            boolean followedByLink = i + 1 < lines.size() && LINK.matcher(lines.get(i + 1).text()).matches();
            if (scaled || followedByLink) {
                return i;
            }
        }
        throw problem("no zone list found (a line like 'Chapel of Anticipation (scaling: tier 1)' followed by"
                + " lines like '  Random: A (where) --> B (where)')");
    }

    private static SpoilerArea area(String text, boolean optional) {
        Matcher matcher = AREA.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalStateException("the area pattern matches any line: " + text);
        }
        return new SpoilerArea(matcher.group(1), number(matcher.group(2)), number(matcher.group(3)),
                matcher.group(4) != null, optional);
    }

    private ZoneLink link(Line line) {
        Matcher matcher = LINK.matcher(line.text());
        if (!matcher.matches()) {
            throw problem("line " + line.number() + " is indented but is not '  Random: A (where) --> B (where)' or"
                    + " '  Preexisting: A --> B (how)': " + shorten(line.text()));
        }
        LinkKind kind = matcher.group(1).equals("Random") ? LinkKind.RANDOM : LinkKind.PREEXISTING;
        ZoneAndDetails source = zoneAndDetails(matcher.group(2), line);
        ZoneAndDetails destination = zoneAndDetails(matcher.group(3), line);
        return new ZoneLink(source.zone(), destination.zone(), kind, source.details(), destination.details());
    }

    private record ZoneAndDetails(String zone, String details) {
    }

    /**
     * {@code Zone name (where, maybe (with brackets)), using an item from X}: the zone is what comes before the
     * first " (", the details what the brackets hold; what follows them (the items needed) is dropped.
     */
    private ZoneAndDetails zoneAndDetails(String text, Line line) {
        int open = text.indexOf(" (");
        if (open < 0) {
            int using = text.indexOf(", using ");
            return new ZoneAndDetails((using < 0 ? text : text.substring(0, using)).strip(), "");
        }
        int depth = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                String zone = text.substring(0, open).strip();
                if (zone.isEmpty()) {
                    break;
                }
                return new ZoneAndDetails(zone, text.substring(open + 2, i).strip());
            }
        }
        throw problem("line " + line.number() + ": unbalanced brackets in '" + shorten(text) + "'");
    }

    private List<Line> readLines(InputStream in) {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                lines.add(new Line(number, text));
            }
        } catch (IOException e) {
            throw problem("cannot be read: " + e.getMessage());
        }
        return lines;
    }

    private static OptionalInt number(String digits) {
        return digits == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(digits));
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text.strip() : text.strip().substring(0, 117) + "...";
    }

    private InvalidSpoilerLogException problem(String what) {
        return new InvalidSpoilerLogException(label + ": " + what);
    }
}
