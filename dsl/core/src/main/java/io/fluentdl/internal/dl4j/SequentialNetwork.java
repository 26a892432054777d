package io.fluentdl.internal.dl4j;

import io.fluentdl.callbacks.Callback;
import io.fluentdl.errors.Check;
import io.fluentdl.errors.Limits;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.OutputKind;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a sequential {@code Model} runs on: its {@code MultiLayerNetwork} and {@link Trainer}, behind the input checks
 * that fit, evaluate and predict share. The sequential twin of {@link GraphNetwork}; {@code Model} keeps the user's
 * settings and picks one of the two.
 */
public final class SequentialNetwork implements ModelNetwork {

    /** What the checks need of the model's spec (internal code does not see {@code ModelSpec}). */
    public record Shape(String name, int inputSize, List<LayerSpec> layers, OutputKind kind, String specJson) {
    }

    private final Shape shape;
    private final Trainer trainer;
    private MultiLayerNetwork network;

    public SequentialNetwork(Shape shape, Trainer.Plan plan, MultiLayerNetwork network) {
        this.shape = shape;
        this.trainer = new Trainer(plan);
        this.network = network;
    }

    public MultiLayerNetwork network() {
        return network;
    }

    /** Runs on {@code rebuilt} from now on (an engine switch keeps weights and state, not the object). */
    public void replace(MultiLayerNetwork rebuilt) {
        this.network = rebuilt;
    }

    @Override
    public String name() {
        return shape.name();
    }

    /** Trains as {@code Model.fit} documents, after checking both data sets against the spec. */
    @Override
    public History fit(DataArrays train, int epochs, int batchSize, DataArrays validation, FitSettings settings,
                       Consumer<Path> saver, List<Callback> callbacks) {
        String where = String.format("Model '%s' fit", shape.name());
        Limits.epochs(where, Check.atLeast(where, "epochs", epochs, 1));
        Limits.batchSize(where, Check.atLeast(where, "batchSize", batchSize, 1));
        check(train, "train", settings.finite());
        if (validation != null) {
            check(validation, "validation", settings.finite());
        }
        DataArrays weighted = SampleWeights.apply(train, settings.classWeight(), shape.kind());
        return trainer.fit(network, weighted, epochs, batchSize, validation, settings.running(), settings.progress(),
                new NetworkControl(network, saver), callbacks);
    }

    @Override
    public Evaluation evaluate(DataArrays data, boolean finite) {
        check(data, "evaluate", finite);
        return trainer.evaluate(network, data);
    }

    @Override
    public INDArray predict(INDArray features, boolean finite) {
        DataChecks.features(String.format("Model '%s' predict", shape.name()), features, shape.inputSize(), finite);
        return network.output(features, false);
    }

    @Override
    public OutputKind outputKind() {
        return shape.kind();
    }

    @Override
    public double learningRate() {
        return LearningRates.next(network);
    }

    @Override
    public void save(Path file) {
        ModelZip.write(network, shape.specJson(), file, shape.name());
    }

    private void check(DataArrays data, String what, boolean finite) {
        DataChecks.dataset(String.format("Model '%s' %s data", shape.name(), what), data, shape.inputSize(), shape.layers(),
                finite);
    }
}
