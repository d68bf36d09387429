package com.speedfog.racing.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** CPU time and resident memory of processes from /proc (Linux): what the server used during a measurement. */
final class ProcessStats {
    /** Linux reports CPU times in clock ticks of 1/100 s on every platform it runs on here. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessStats() {
    }

    /** User + system CPU seconds used so far by these processes (those gone are skipped). */
    static double cpuSeconds(Collection<Long> pids) {
        double total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                // the command name in parentheses may hold spaces: fields count from after its ')'
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
            } catch (IOException | RuntimeException gone) {
                // a process that ended: its time is lost, which undercounts slightly
            }
        }
        return total;
    }

    /** Resident memory in MiB (VmRSS summed), 0 when unknown. */
    static double residentMiB(Collection<Long> pids) {
        double kib = 0;
        for (long pid : pids) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // ended
            }
        }
        return kib / 1024.0;
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }
}
