package io.fluentdl.internal.dl4j;

import io.fluentdl.callbacks.Callback;
import io.fluentdl.callbacks.ProgressLogger;
import io.fluentdl.internal.dl4j.fast.EngineLayers;
import io.fluentdl.schedule.LearningRate;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.Metric;
import io.fluentdl.train.OutputKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * {@code Model.fit}'s loop: epochs of shuffled mini-batches through DL4J, the epoch's metrics on the
 * training and validation data, and the callbacks around them. One per model: it keeps the last fit's
 * batches (and their gather buffers) for the next fit on the same data.
 */
public final class Trainer {

    /** Rows per forward pass when evaluating; bounds memory on large sets. */
    public static final int EVALUATION_BATCH = 4096;

    /** What the loop needs from the model's spec. */
    public record Plan(long seed, OutputKind kind, List<Metric> metrics, LearningRate learningRate) {
    }

    private final Plan plan;
    private BatchIterator batches;

    public Trainer(Plan plan) {
        this.plan = plan;
    }

    /**
     * Trains {@code network} as {@code Model.fit} documents.
     *
     * @param running    Keras' running train metrics instead of a pass over {@code train} after each epoch
     * @param progress   whether to add a {@link ProgressLogger} on standard output
     * @param control    the control the callbacks see (it saves the whole model)
     */
    public History fit(MultiLayerNetwork network, DataArrays train, int epochs, int batchSize, DataArrays validation,
                       boolean running, boolean progress, NetworkControl control, List<Callback> callbacks) {
        SampleWeights.checkEngine("Model.fit", network, train);
        NativeThreads.defaultBlasOnce(); // GEMMs on every core, unless a search shared them out
        if (batches == null || !batches.serves(train, batchSize, plan.seed())) {
            batches = BatchIterator.shuffled(train, batchSize, plan.seed());
        }
        batches.stopWhen(control::stopRequested);
        // warm-ups and cycles counted in epochs move every step: they need the epoch's length
        StepResolution.apply(network, plan.learningRate(), (train.rows() + batchSize - 1) / batchSize);
        List<Callback> all = new ArrayList<>(callbacks);
        if (progress) {
            all.add(new ProgressLogger(System.out, epochs));
        }
        List<TrainingListener> attached = new ArrayList<>();
        RunningTrainMetrics runningMetrics = running ? new RunningTrainMetrics(plan.kind()) : null;
        if (runningMetrics != null) {
            attached.add(runningMetrics);
        }
        BatchHook hook = BatchHook.wanted(all) ? new BatchHook(all, control) : null;
        if (hook != null) {
            attached.add(hook);
        }
        for (Callback callback : all) {
            if (callback instanceof NetworkListener listener) {
                attached.add(listener.dl4jListener());
            }
        }
        network.addListeners(attached.toArray(TrainingListener[]::new));
        boolean fast = EngineLayers.isFast(network.getLayerWiseConfigurations());
        try (NativeThreads.Scope gemms = fast ? NativeThreads.fastGemms() : () -> { }) {
            return epochs(network, train, epochs, validation, runningMetrics, hook, control, all);
        } finally {
            List<TrainingListener> others = new ArrayList<>(network.getListeners());
            others.removeAll(attached);
            network.setListeners(others);
        }
    }

    private History epochs(MultiLayerNetwork network, DataArrays train, int epochs, DataArrays validation,
                           RunningTrainMetrics running, BatchHook hook, NetworkControl control, List<Callback> callbacks) {
        List<EpochMetrics> history = new ArrayList<>();
        for (Callback callback : callbacks) {
            callback.onTrainBegin(control);
        }
        for (int epoch = 1; epoch <= epochs && !control.stopRequested(); epoch++) {
            for (Callback callback : callbacks) {
                callback.onEpochBegin(epoch, control);
            }
            batches.startEpoch(network.getEpochCount()); // DL4J counts the epochs this network has trained
            if (running != null) {
                running.reset();
            }
            if (hook != null) {
                hook.startEpoch(epoch);
            }
            long start = System.nanoTime();
            network.fit(batches);
            double seconds = (System.nanoTime() - start) / 1e9;
            // checked once by fit: no second data pass per epoch
            Evaluation onTrain = running != null ? running.epoch() : evaluate(network, train);
            Evaluation onValidation = validation == null ? null : evaluate(network, validation);
            EpochMetrics metrics = new EpochMetrics(epoch, onTrain.loss(), onTrain.accuracy(),
                    onValidation == null ? Double.NaN : onValidation.loss(),
                    onValidation == null ? Double.NaN : onValidation.accuracy(), seconds, LearningRates.last(network),
                    chosenMetrics(onTrain, onValidation));
            history.add(metrics);
            for (Callback callback : callbacks) {
                callback.onEpochEnd(epoch, metrics, control);
            }
        }
        History result = new History(history, control.stopRequested() && history.size() < epochs);
        for (Callback callback : callbacks) {
            callback.onTrainEnd(result, control);
        }
        return result;
    }

    /** Loss, accuracy and per-class metrics in inference mode. */
    public Evaluation evaluate(MultiLayerNetwork network, DataArrays data) {
        return Evaluator.evaluate(network, data, EVALUATION_BATCH, plan.kind());
    }

    /** The values of the spec's {@code metrics(...)}: {@code auc}, then {@code val_auc} (running train metrics have none: NaN). */
    private Map<String, Double> chosenMetrics(Evaluation onTrain, Evaluation onValidation) {
        Map<String, Double> chosen = new LinkedHashMap<>();
        for (Metric m : plan.metrics()) {
            chosen.put(m.key(), onTrain.metric(m.key()));
        }
        if (onValidation != null) {
            for (Metric m : plan.metrics()) {
                chosen.put(m.onValidation().key(), onValidation.metric(m.key()));
            }
        }
        return chosen;
    }
}
