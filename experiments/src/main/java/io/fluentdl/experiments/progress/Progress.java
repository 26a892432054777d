package io.fluentdl.experiments.progress;

import java.io.PrintWriter;

/**
 * Makes {@link ProgressTask}s. Experiments ask for one task per variant (steps = seeds x epochs) and
 * do not care how it is shown.
 */
public interface Progress {

    /**
     * Starts a task.
     *
     * @param name  what is being done, e.g. {@code bn-after}
     * @param steps how many {@link ProgressTask#step()} calls make it complete
     */
    ProgressTask start(String name, long steps);

    /**
     * Picks the right kind of output: nothing when {@code quiet}; a live bar when the console is a
     * terminal (bars full of carriage returns are noise in a log file); otherwise one line per task.
     */
    static Progress choose(boolean quiet, PrintWriter out) {
        if (quiet) {
            return silent();
        }
        return System.console() != null ? new ConsoleBars() : new LinePerTask(out);
    }

    /** Shows nothing. */
    static Progress silent() {
        return (name, steps) -> new ProgressTask() {
            @Override
            public void step() {
            }

            @Override
            public void message(String text) {
            }

            @Override
            public void close(String summary) {
            }
        };
    }
}
