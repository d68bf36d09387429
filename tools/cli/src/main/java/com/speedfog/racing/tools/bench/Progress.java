package com.speedfog.racing.tools.bench;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;

/** The tools' progress bar, on the command's output. */
final class Progress {
    private Progress() {
    }

    static ProgressBar bar(PrintWriter out, String task, long max, String unit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(1, max)).setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit, 1).continuousUpdate().setMaxRenderedLength(120)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    out.print('\r' + line);
                    out.flush();
                }, 120)).build();
    }
}
