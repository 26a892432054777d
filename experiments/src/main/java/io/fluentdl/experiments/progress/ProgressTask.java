package io.fluentdl.experiments.progress;

/** One piece of long work in progress. */
public interface ProgressTask {

    /** One step done (e.g. one epoch of one seed). */
    void step();

    /** A short live note next to the bar, e.g. {@code seed 2 test 0.84}. */
    void message(String text);

    /** The task is over; {@code summary} is what to remember of it, one line. */
    void close(String summary);
}
