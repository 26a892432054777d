package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.Check;
import io.fluentdl.train.TrainingControl;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@code Model.fit}'s {@link TrainingControl} for a functional model's {@code ComputationGraph}. */
final class GraphControl implements TrainingControl {

    private final ComputationGraph graph;
    private final Consumer<Path> saver;
    private boolean stop;

    GraphControl(ComputationGraph graph, Consumer<Path> saver) {
        this.graph = graph;
        this.saver = saver;
    }

    @Override
    public void stop() {
        stop = true;
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }

    /** Maps to DL4J: {@code ComputationGraph.getLearningRate(layer)}, first layer that has one. */
    @Override
    public double learningRate() {
        for (org.deeplearning4j.nn.api.Layer layer : graph.getLayers()) {
            Double lr = graph.getLearningRate(layer.conf().getLayer().getLayerName());
            if (lr != null && !lr.isNaN()) {
                return lr;
            }
        }
        return Double.NaN;
    }

    @Override
    public void setLearningRate(double value) {
        Check.positive("TrainingControl", "learningRate", value);
        graph.setLearningRate(value);
    }

    @Override
    public void save(Path file) {
        saver.accept(file);
    }

    @Override
    public Snapshot snapshot() {
        INDArray state = graph.getUpdater() == null ? null : graph.getUpdater().getStateViewArray();
        return new Weights(graph, graph.params().dup(), state == null ? null : state.dup());
    }

    @Override
    public void restore(Snapshot snapshot) {
        if (!(snapshot instanceof Weights weights) || weights.graph != graph) {
            throw new IllegalArgumentException(String.format(
                    "TrainingControl.restore: a snapshot restores only into the model it was taken from, got %s", snapshot));
        }
        graph.setParams(weights.params);
        INDArray state = graph.getUpdater().getStateViewArray();
        if (state != null && weights.updaterState != null) {
            state.assign(weights.updaterState);
        }
    }

    private record Weights(ComputationGraph graph, INDArray params, INDArray updaterState) implements Snapshot {
        @Override
        public String toString() {
            return String.format("Snapshot(%d parameters)", params.length());
        }
    }
}
