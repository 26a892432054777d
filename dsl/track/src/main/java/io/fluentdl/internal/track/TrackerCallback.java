package io.fluentdl.internal.track;

import io.fluentdl.callbacks.Callback;
import io.fluentdl.internal.dl4j.NetworkListener;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.TrainingControl;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * A tracker as one {@link Callback}: each epoch's metrics under Keras' names ({@code train_loss},
 * {@code train_accuracy}, {@code val_loss}, {@code val_accuracy}, {@code epoch_seconds}, {@code lr}), and,
 * attached by {@code Model.fit} for the fit's duration, the DL4J listener that records steps,
 * histograms and DL4J's epoch figures (samples/s, memory), which join the same epoch record.
 */
public final class TrackerCallback implements Callback, NetworkListener {

    private final RunSink sink;
    private final TrackingListener listener;

    public TrackerCallback(RunSink sink, int stepEvery, int histogramEvery) {
        this.sink = sink;
        this.listener = new TrackingListener(sink, stepEvery, histogramEvery);
    }

    @Override
    public TrainingListener dl4jListener() {
        return listener;
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
        sink.fitCompletesEpochs();
    }

    @Override
    public void onEpochEnd(int epoch, EpochMetrics metrics, TrainingControl control) {
        sink.logEpoch(values(metrics));
    }

    private static Map<String, Double> values(EpochMetrics m) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("train_loss", m.trainLoss());
        v.put("train_accuracy", m.trainAccuracy());
        if (!Double.isNaN(m.validationLoss())) {
            v.put("val_loss", m.validationLoss());
        }
        if (!Double.isNaN(m.validationAccuracy())) {
            v.put("val_accuracy", m.validationAccuracy());
        }
        v.put("epoch_seconds", m.seconds());
        v.put("lr", m.learningRate());
        return v;
    }
}
