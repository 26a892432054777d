package io.fluentdl.experiments.progress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Live progress bars on the terminal (me.tongfei:progressbar; drawn on stderr). */
final class ConsoleBars implements Progress {

    @Override
    public ProgressTask start(String name, long steps) {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(String.format("%-18s", name))
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(250)
                .build();
        return new ProgressTask() {
            @Override
            public void step() {
                bar.step();
            }

            @Override
            public void message(String text) {
                bar.setExtraMessage(text);
            }

            @Override
            public void close(String summary) {
                bar.setExtraMessage(summary);
                bar.stepTo(bar.getMax());
                bar.close();
            }
        };
    }
}
