package io.fluentdl.train;

import java.util.List;

/**
 * The per-epoch metrics of one {@code fit}, Keras' {@code History}.
 *
 * @param epochs  one entry per completed epoch
 * @param stopped whether a listener stopped training before the planned number of epochs
 */
public record History(List<EpochMetrics> epochs, boolean stopped) {

    public History {
        epochs = List.copyOf(epochs);
    }

    public EpochMetrics last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("No epoch was completed");
        }
        return epochs.get(epochs.size() - 1);
    }

    public double[] trainAccuracy() {
        return epochs.stream().mapToDouble(EpochMetrics::trainAccuracy).toArray();
    }

    public double[] validationAccuracy() {
        return epochs.stream().mapToDouble(EpochMetrics::validationAccuracy).toArray();
    }

    public double[] trainLoss() {
        return epochs.stream().mapToDouble(EpochMetrics::trainLoss).toArray();
    }

    public double[] validationLoss() {
        return epochs.stream().mapToDouble(EpochMetrics::validationLoss).toArray();
    }
}
