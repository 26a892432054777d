package io.fluentdl.track;

import io.fluentdl.callbacks.Callback;
import io.fluentdl.internal.track.TrackerCallback;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live run being recorded: W&amp;B's {@code wandb.init(...)} object, local and offline. Start one with
 * {@link #in(Path)}, pass {@link #callback()} to {@link io.fluentdl.Model#fit}, and end it with {@link #finish()}.
 * A plain DL4J network takes the callback's DL4J listener: {@code net.addListeners(Model.listener(run.callback()))}.
 *
 * <pre>{@code
 * try (Tracker run = Tracker.in(Path.of("results")).experiment("bn-case-study").name("bn-after")
 *         .config(spec).tags("bn").histogramEvery(50).start()) {
 *     model.fit(train, 100, 32, test, run.callback());
 *     model.save(run.artifactPath("model.zip"));
 *     run.finish();
 * }
 * }</pre>
 * Closing a run that was neither finished nor failed marks it FAILED (an exception or an early return
 * left the block). Metric and histogram lines are buffered and flushed once per epoch; {@code run.json}
 * is rewritten atomically on every status change. Thread-safe: the shutdown hook may end a run while
 * the training thread logs.
 */
public final class Tracker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tracker.class);

    private final Path root;
    private final Path dir;
    private final long startNanos;
    private final JsonLines metrics;
    private final JsonLines histograms;
    private final Map<String, Integer> settings;
    private Run run;
    private TrackerCallback callback;
    private boolean epochAdapterInUse;
    private Map<String, Double> pendingEpoch;
    private Map<String, Double> lastEpoch = Map.of();
    private int epochsDone;
    private long iterationsDone;

    Tracker(Path root, Path dir, Run run) {
        this.root = root;
        this.dir = dir;
        this.run = run;
        this.settings = run.tracking();
        this.startNanos = System.nanoTime();
        this.metrics = JsonLines.append(dir.resolve(RunFiles.METRICS));
        this.histograms = JsonLines.append(dir.resolve(RunFiles.HISTOGRAMS));
        try {
            RunFiles.writeMeta(dir, run);
            RunIndex.at(root).put(run);
        } catch (RuntimeException e) {
            metrics.close();
            histograms.close();
            throw e;
        }
        OpenRuns.add(this);
    }

    /** Starts describing a run stored under {@code root} (its {@code runs/} folder and {@code runs.db}). */
    public static TrackerBuilder in(Path root) {
        return new TrackerBuilder(root);
    }

    public String id() {
        return run.id();
    }

    /** The run directory, {@code <root>/runs/<id>}. */
    public Path dir() {
        return dir;
    }

    /** The meta as last written. */
    public synchronized Run run() {
        return run;
    }

    /**
     * This run as a {@link Callback} for {@link io.fluentdl.Model#fit}: each epoch's metrics under Keras'
     * names ({@code train_loss}, {@code train_accuracy}, {@code val_loss}, {@code val_accuracy}), with
     * steps, histograms and DL4J's epoch figures (samples/s, memory) in the same records. Always the same instance.
     */
    public synchronized Callback callback() {
        if (callback == null) {
            callback = new TrackerCallback(new TrackerSink(this, settings.get(TrackerBuilder.BINS)), settings.get(TrackerBuilder.STEP_EVERY),
                    settings.get(TrackerBuilder.HISTOGRAM_EVERY));
        }
        return callback;
    }

    /** Logs free-form values for one step (iteration); kept until the next flush. */
    public synchronized void logStep(long iteration, Map<String, Double> values) {
        iterationsDone = Math.max(iterationsDone, iteration + 1);
        if (isOpen()) {
            metrics.write(new MetricRecord(Scope.STEP, iteration, epochsDone + 1, elapsed(), values).toJson());
        }
    }

    /**
     * Ends an epoch with these values (merged with what the DL4J listener measured for it) and flushes
     * the run's files, so that everything up to this epoch survives a crash.
     */
    public synchronized void logEpoch(Map<String, Double> values) {
        Map<String, Double> merged = new LinkedHashMap<>();
        if (pendingEpoch != null) {
            merged.putAll(pendingEpoch);
            pendingEpoch = null;
        }
        merged.putAll(values);
        commitEpoch(merged);
    }

    /**
     * Ends epoch {@code epoch} (1-based; epochs may be skipped, e.g. a search trial that reports every
     * other one) with these values, as {@link #logEpoch(Map)} does.
     */
    public synchronized void logEpoch(int epoch, Map<String, Double> values) {
        if (epoch <= epochsDone) {
            throw new IllegalArgumentException(String.format("Run '%s': epochs must increase, got epoch=%d after "
                    + "epoch %d", id(), epoch, epochsDone));
        }
        epochsDone = epoch - 1;
        logEpoch(values);
    }

    /**
     * From the listener: DL4J finished an epoch after {@code iterations} iterations in all. Held for the
     * Model adapter if one is in use.
     */
    synchronized void dl4jEpochEnded(long iterations, Map<String, Double> values) {
        iterationsDone = Math.max(iterationsDone, iterations);
        if (epochAdapterInUse) {
            pendingEpoch = values;
        } else {
            commitEpoch(values);
        }
    }

    /** From then on Model.fit's callback completes each epoch (DL4J's epoch values wait for it). */
    synchronized void fitCompletesEpochs() {
        epochAdapterInUse = true;
    }

    /** From the listener: a new epoch starts; an epoch the adapter never completed is written as is. */
    synchronized void dl4jEpochStarted() {
        if (pendingEpoch != null) {
            logEpoch(Map.of());
        }
    }

    synchronized void logHistogram(HistogramRecord record) {
        if (isOpen()) {
            histograms.write(record.toJson());
        }
    }

    /** The 1-based epoch now in progress. */
    synchronized int currentEpoch() {
        return epochsDone + 1;
    }

    /** Pushes buffered lines to the OS (a killed process then loses nothing). */
    public synchronized void flush() {
        if (isOpen()) {
            metrics.flush();
            histograms.flush();
        }
    }

    /** Where to write an artifact named {@code fileName} (e.g. {@code model.save(run.artifactPath("model.zip"))}). */
    public Path artifactPath(String fileName) {
        return RunArtifacts.path(dir, id(), fileName);
    }

    /** Copies {@code file} into the run's {@code artifacts/} (via a temporary file, so no half copies). */
    public Path artifact(Path file) {
        return RunArtifacts.copy(dir, id(), file);
    }

    /** Ends the run as FINISHED; its summary is the last epoch's values. */
    public void finish() {
        finish(Map.of());
    }

    /** Ends the run as FINISHED with {@code extra} final metrics (e.g. test accuracy) added to the summary. */
    public synchronized void finish(Map<String, Double> extra) {
        end(RunStatus.FINISHED, extra, null);
    }

    /** Ends the run as FAILED, recording why. */
    public synchronized void fail(Throwable cause) {
        end(RunStatus.FAILED, Map.of(), String.format("%s: %s", cause.getClass().getName(), cause.getMessage()));
    }

    /** From the shutdown hook. */
    synchronized void interrupt(String why) {
        end(RunStatus.INTERRUPTED, Map.of(), why);
    }

    /** Marks a run still RUNNING as FAILED: the block it was opened in ended without {@link #finish()}. */
    @Override
    public synchronized void close() {
        end(RunStatus.FAILED, Map.of(), "the tracker was closed without finish(): an exception or an early return ended training");
    }

    private boolean isOpen() {
        return run.status().isLive();
    }

    /**
     * Ends the run as {@code status} with {@code extra} final metrics added to the summary and, for a run
     * that did not finish, why (a search trial ends FINISHED, PRUNED or FAILED this way). Does nothing if
     * the run has already ended.
     */
    public synchronized void end(RunStatus status, Map<String, Double> extra, String why) {
        if (status.isLive()) {
            throw new IllegalArgumentException(String.format("Run '%s': end needs a final status, got status=%s",
                    id(), status));
        }
        if (!isOpen()) {
            return;
        }
        if (pendingEpoch != null) {
            logEpoch(Map.of());
        }
        metrics.close();
        histograms.close();
        Map<String, Double> summary = new LinkedHashMap<>(lastEpoch);
        summary.put("epochs", (double) epochsDone);
        summary.put("iterations", (double) iterationsDone);
        summary.put("run_seconds", elapsed());
        summary.putAll(extra);
        run = run.ended(status, RunFiles.timestamp(Instant.now()), summary, RunArtifacts.names(dir, id()), why);
        OpenRuns.remove(this);
        RunFiles.writeMeta(dir, run);
        try {
            RunIndex.at(root).put(run);
        } catch (RuntimeException e) {
            // run.json is the record; the index is a cache that RunIndex.rebuild() restores
            LOG.warn(String.format("Run '%s' ended as %s but the index %s was not updated; run RunIndex.rebuild(): %s",
                    id(), status, root.resolve(RunFiles.INDEX), e.getMessage()), e);
        }
    }

    private void commitEpoch(Map<String, Double> values) {
        if (!isOpen()) {
            return;
        }
        epochsDone++;
        lastEpoch = values;
        metrics.write(new MetricRecord(Scope.EPOCH, iterationsDone, epochsDone, elapsed(), values).toJson());
        flush();
    }

    private double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
