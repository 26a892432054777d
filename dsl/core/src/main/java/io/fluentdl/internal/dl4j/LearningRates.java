package io.fluentdl.internal.dl4j;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** The learning rate a network's optimizer uses at an iteration, read from its first layer that has one. */
public final class LearningRates {

    private LearningRates() {
    }

    /** The rate at {@code iteration} and {@code epoch} (a schedule's value there), NaN when no layer has one. */
    public static double at(MultiLayerNetwork network, int iteration, int epoch) {
        for (int i = 0; i < network.getnLayers(); i++) {
            if (network.getLayer(i).conf().getLayer() instanceof BaseLayer layer
                    && layer.getIUpdater() != null && layer.getIUpdater().hasLearningRate()) {
                return layer.getIUpdater().getLearningRate(iteration, epoch);
            }
        }
        return Double.NaN;
    }

    /** The rate the optimizer will use at the next iteration (after any schedule or callback change). */
    public static double next(MultiLayerNetwork network) {
        return at(network, network.getIterationCount(), network.getEpochCount());
    }

    /**
     * The rate of the iteration that just ran: after an epoch DL4J's counters already point at the
     * next one, where a schedule may have restarted (SGDR) or dropped (step).
     */
    public static double last(MultiLayerNetwork network) {
        return at(network, Math.max(0, network.getIterationCount() - 1), Math.max(0, network.getEpochCount() - 1));
    }
}
