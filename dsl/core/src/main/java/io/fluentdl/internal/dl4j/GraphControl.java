package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.Check;
import io.fluentdl.train.TrainingControl;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;

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
        return NetworkSnapshot.of(graph, graph.getUpdater() == null ? null : graph.getUpdater().getStateViewArray());
    }

    @Override
    public void restore(Snapshot snapshot) {
        NetworkSnapshot.restore(snapshot, graph, () -> graph.getUpdater().getStateViewArray());
    }
}
