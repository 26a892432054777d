package io.fluentdl.callbacks;

import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.History;
import io.fluentdl.train.TrainingControl;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake {@link TrainingControl} for callbacks fed hand-written metrics: it holds a learning rate and
 * a stop flag, and has no network. {@link #run} plays a script of monitored values the way
 * {@code Model.fit} would, ending at the first stop.
 */
final class ScriptedControl implements TrainingControl {

    private double learningRate;
    private boolean stop;

    ScriptedControl(double learningRate) {
        this.learningRate = learningRate;
    }

    /** Validation loss {@code value} at {@code epoch}; the other metrics are fixed. */
    static EpochMetrics valLoss(int epoch, double value) {
        return new EpochMetrics(epoch, 0.5, 0.5, value, 0.5, 0.0, Double.NaN);
    }

    /** Validation accuracy {@code value} at {@code epoch}. */
    static EpochMetrics valAccuracy(int epoch, double value) {
        return new EpochMetrics(epoch, 0.5, 0.5, 0.5, value, 0.0, Double.NaN);
    }

    /** Feeds {@code values} as validation losses, epoch 1 first; returns the learning rate after each epoch. */
    List<Double> run(Callback listener, double... values) {
        List<Double> rates = new ArrayList<>();
        List<EpochMetrics> epochs = new ArrayList<>();
        listener.onTrainBegin(this);
        for (int i = 0; i < values.length && !stop; i++) {
            EpochMetrics m = valLoss(i + 1, values[i]);
            epochs.add(m);
            listener.onEpochEnd(i + 1, m, this);
            rates.add(learningRate);
        }
        listener.onTrainEnd(new History(epochs, stop), this);
        return rates;
    }

    @Override
    public void stop() {
        stop = true;
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double value) {
        learningRate = value;
    }
}
