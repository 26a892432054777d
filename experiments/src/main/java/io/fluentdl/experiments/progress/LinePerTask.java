package io.fluentdl.experiments.progress;

import java.io.PrintWriter;

/** Prints one line when a task ends: readable in CI logs and files, unlike a redrawn bar. */
final class LinePerTask implements Progress {

    private final PrintWriter out;

    LinePerTask(PrintWriter out) {
        this.out = out;
    }

    @Override
    public ProgressTask start(String name, long steps) {
        long started = System.nanoTime();
        return new ProgressTask() {
            @Override
            public void step() {
            }

            @Override
            public void message(String text) {
            }

            @Override
            public void close(String summary) {
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf("%-18s %s (%.1f s)%n", name, summary, seconds);
                out.flush();
            }
        };
    }
}
