package io.fluentdl;

import io.fluentdl.callbacks.Callback;
import io.fluentdl.data.Dataset;
import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Limits;
import io.fluentdl.internal.dl4j.*;
import io.fluentdl.internal.dl4j.fast.EngineLayers;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.TrainMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A trainable model made from a {@link ModelSpec}: Keras' compiled model, on a DL4J
 * {@code MultiLayerNetwork} initialised from the spec's seed.
 *
 * <pre>{@code
 * Model model = Model.of(spec);
 * History h = model.fit(train, 100, 32, test, EarlyStopping.monitor(Metric.VAL_LOSS).patience(10));
 * Evaluation e = model.evaluate(test);
 * model.save(Path.of("model.zip"));
 * }</pre>
 * Not thread-safe: one model trains on one thread; specs are shared, models are not.
 *
 * <p><b>The one door to DL4J.</b> FluentDL's public packages show no DL4J or ND4J type; this class is
 * the documented exception, for code that wants them: {@link #network()} (the {@code MultiLayerNetwork}),
 * {@link #addListeners} (DL4J {@code TrainingListener}s), {@link #configuration(ModelSpec)},
 * {@link #predict(INDArray)}, and ND4J data in and out: {@link #dataset(INDArray, INDArray)},
 * {@link #features(Dataset)}, {@link #labels(Dataset)}, {@link #batches(Dataset, int, long)}.
 */
public final class Model {

    /** Set to "0" (the {@code fluentdl} command does, it has its own bars) to make {@link #verbose} default to 0. */
    public static final String VERBOSE_PROPERTY = "fluentdl.verbose";

    private final ModelSpec spec;
    private final Trainer trainer;
    private MultiLayerNetwork network; // replaced by engine(...), which rebuilds it on the other layers
    private TrainMetrics trainMetrics = TrainMetrics.FULL_PASS;
    private int verbose = System.console() != null && !"0".equals(System.getProperty(VERBOSE_PROPERTY)) ? 1 : 0;
    private boolean checkFinite = true;
    private Map<Integer, Double> classWeight = Map.of();

    private Model(ModelSpec spec, MultiLayerNetwork network) {
        this.spec = spec;
        this.network = EngineLayers.prepare(network);
        this.trainer = new Trainer(new Trainer.Plan(spec.seed(), spec.outputKind(), spec.metrics(), spec.optimizer().learningRate()));
    }

    /** Builds and initialises the network on {@link Engine#configured()}; a spec (and seed) gives the same weights on either engine. */
    public static Model of(ModelSpec spec) {
        MultiLayerConfiguration conf = ModelTranslator.translate(spec.stack(), Engine.configured() == Engine.FAST).configuration();
        // before init allocates: a layer too large dies in native code, not with an exception
        DataChecks.memory(spec.name(), spec.inputSize(), spec.layers());
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new Model(spec, net);
    }

    /** The DL4J configuration of {@code spec} with DL4J's own layers (the STOCK engine), e.g. to compare with a hand-written one. */
    public static MultiLayerConfiguration configuration(ModelSpec spec) {
        return ModelTranslator.translate(spec.stack()).configuration();
    }

    /** DL4J's input type of {@code spec}: {@code feedForward(n)}, or flat rows DL4J reshapes to images. */
    public static org.deeplearning4j.nn.conf.inputs.InputType inputType(ModelSpec spec) {
        return ModelTranslator.inputType(spec.stack());
    }

    /**
     * Which layer implementations run this model from now on: {@link Engine#FAST} (the default) or {@link Engine#STOCK}.
     * The network is rebuilt with the same weights, BN statistics, optimizer state, counters and listeners.
     */
    public Model engine(Engine engine) {
        Objects.requireNonNull(engine, "engine");
        if (engine != engine()) {
            network = EngineLayers.rebuild(network, engine == Engine.FAST);
        }
        return this;
    }

    /** The engine that runs this model's layers. */
    public Engine engine() {
        return EngineLayers.isFast(network.getLayerWiseConfigurations()) ? Engine.FAST : Engine.STOCK;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The DL4J network, for anything the facade does not cover (see the class comment). */
    public MultiLayerNetwork network() {
        return network;
    }

    /** Adds DL4J training listeners to the network; FluentDL's own hooks are {@link Callback}s passed to {@code fit}. */
    public Model addListeners(TrainingListener... listeners) {
        network.addListeners(listeners);
        return this;
    }

    /** The DL4J listener a callback brings (the tracker's), for a plain network: {@code net.addListeners(Model.listener(cb))}. */
    public static TrainingListener listener(Callback callback) {
        if (callback instanceof io.fluentdl.internal.dl4j.NetworkListener withListener) {
            return withListener.dl4jListener();
        }
        throw InvalidConfigException.of("Model.listener", "callback", callback, String.format(
                "only a callback with a DL4J side (a tracker's) has a listener, got callback=%s", callback),
                "Pass the callback to Model.fit instead.");
    }

    /** A copy with the same spec, weights, updater state, counters and settings (no listeners), to train apart. */
    public Model copy() {
        return withNetwork(spec, TrainingCopy.of(network));
    }

    /**
     * A model with the named layers also frozen, for fine-tuning (Keras' {@code trainable = False}, {@link Sequential#freeze}):
     * same weights, BN statistics and settings, a fresh optimizer state (see FineTuning); this model is unchanged.
     */
    public Model freeze(String... layerNames) {
        List<String> names = new ArrayList<>(spec.frozen());
        names.addAll(List.of(layerNames));
        return refrozen(names);
    }

    /** A model with the named layers trainable again (undoes {@link #freeze}), as {@link #freeze} otherwise. */
    public Model unfreeze(String... layerNames) {
        List<String> names = new ArrayList<>(spec.frozen());
        names.removeAll(List.of(layerNames));
        return refrozen(names);
    }

    private Model refrozen(List<String> frozen) {
        ModelSpec changed = spec.withFrozen(frozen);
        return withNetwork(changed, FineTuning.transfer(network, ModelTranslator.translate(changed.stack(), engine() == Engine.FAST).configuration()));
    }

    private Model withNetwork(ModelSpec newSpec, MultiLayerNetwork newNetwork) {
        Model model = new Model(newSpec, newNetwork);
        model.trainMetrics = trainMetrics;
        model.verbose = verbose;
        model.checkFinite = checkFinite;
        model.classWeight = classWeight;
        return model;
    }

    /** How {@link #fit} measures the training metrics: {@link TrainMetrics#FULL_PASS} (default, exact) or Keras' running means. */
    public Model trainMetrics(TrainMetrics mode) {
        this.trainMetrics = Objects.requireNonNull(mode, "trainMetrics mode");
        return this;
    }

    /**
     * How much {@link #fit} prints, Keras' {@code verbose}: 0 nothing, 1 or 2 one line per epoch
     * ({@code Epoch 3/15 - 12.4s - loss: 0.0412 - ...}); default 1 in a terminal unless {@value #VERBOSE_PROPERTY} is "0".
     */
    public Model verbose(int level) {
        Check.atLeast(String.format("Model '%s' verbose", spec.name()), "level", level, 0);
        this.verbose = level;
        return this;
    }

    /**
     * Whether {@link #fit}, {@link #evaluate} and {@link #predict} first check that every feature is finite
     * (default {@code true}; NaN inputs otherwise train to a NaN loss in silence). One pass over the data;
     * turn it off for very large data known to be clean. Label and shape checks always run.
     */
    public Model checkFinite(boolean on) {
        this.checkFinite = on;
        return this;
    }

    /**
     * Weighs each training example by its class in later {@link #fit}s, Keras' {@code class_weight}: {@code Map.of(0, 1.0,
     * 1, 3.0)} makes a class-1 example count three times in the loss. Multiplies {@link Dataset#withSampleWeights sample
     * weights}; classes left out weigh 1; validation and evaluation stay unweighted; {@code Map.of()} turns it off.
     *
     * @param weights class number (0..classes-1; 0/1 for one sigmoid unit) to a finite weight {@code >= 0}
     */
    public Model classWeight(Map<Integer, Double> weights) {
        this.classWeight = SampleWeights.check(String.format("Model '%s' classWeight", spec.name()), weights, spec.outputKind(),
                spec.output().units());
        return this;
    }

    /**
     * Trains on the first {@code 1 − validationSplit} of {@code data} and validates on the rest, Keras'
     * {@code validation_split}: cut before any shuffling, so the validation examples are always the last ones.
     */
    public History fit(Dataset data, int epochs, int batchSize, double validationSplit, Callback... callbacks) {
        int splitAt = DataChecks.validationSplit(String.format("Model '%s' fit", spec.name()), data.size(), validationSplit);
        return fit(data.view(0, splitAt), epochs, batchSize, data.view(splitAt, data.size()), callbacks);
    }

    /** Trains without validation data. */
    public History fit(Dataset train, int epochs, int batchSize, Callback... callbacks) {
        return fit(train, epochs, batchSize, null, callbacks);
    }

    /**
     * Trains for {@code epochs} passes over {@code train} in mini-batches of {@code batchSize}, reshuffled
     * every epoch: epoch e of the network (counting every earlier fit) uses an order drawn from the
     * spec's seed and e alone, so {@code fit(train, 1, b)} twice trains exactly as {@code fit(train, 2, b)}.
     * After each epoch, loss and accuracy are measured on the training set (as {@link #trainMetrics} says)
     * and on {@code validation} (may be null) and passed to the {@link Callback}s, which may stop training.
     * Sample weights of {@code train} (and {@link #classWeight}) weigh each example's loss.
     */
    public History fit(Dataset train, int epochs, int batchSize, Dataset validation, Callback... callbacks) {
        String where = String.format("Model '%s' fit", spec.name());
        Limits.epochs(where, Check.atLeast(where, "epochs", epochs, 1));
        Limits.batchSize(where, Check.atLeast(where, "batchSize", batchSize, 1));
        checkInputs(train, "train");
        if (validation != null) {
            checkInputs(validation, "validation");
        }
        DataArrays weighted = SampleWeights.apply(DataAccess.arrays(train), classWeight, spec.outputKind());
        return trainer.fit(network, weighted, epochs, batchSize, validation == null ? null : DataAccess.arrays(validation),
                trainMetrics == TrainMetrics.RUNNING, verbose > 0, new NetworkControl(network, this::save), List.of(callbacks));
    }

    /** Loss, accuracy and per-class metrics on {@code data}, in inference mode. */
    public Evaluation evaluate(Dataset data) {
        checkInputs(data, "evaluate");
        return trainer.evaluate(network, DataAccess.arrays(data));
    }

    /** Outputs (probabilities for sigmoid/softmax outputs) for {@code features}, one row per example. */
    public INDArray predict(INDArray features) {
        DataChecks.features(String.format("Model '%s' predict", spec.name()), features, spec.inputSize(), checkFinite);
        return network.output(features, false);
    }

    /** Each row's class: a softmax output's argmax, or 1 where one sigmoid unit is ≥ 0.5 (Keras' {@code predict_classes}). */
    public int[] predictClasses(INDArray features) {
        Predictions.requireClasses(spec.name(), spec.outputKind());
        return Predictions.classes(predict(features), spec.outputKind());
    }

    /** The learning rate the optimizer will use at the next iteration (after any schedule or callback change). */
    public double currentLearningRate() {
        return LearningRates.next(network);
    }

    /** Saves weights, optimizer state, BN statistics and the spec to a DL4J model zip (temp file, then moved into place). */
    public void save(Path file) {
        ModelZip.write(network, spec.toJson(), file, spec.name());
    }

    /** Loads a model saved by {@link #save(Path)}, with its updater state and spec. */
    public static Model load(Path file) {
        ModelSpec spec = ModelSpec.fromJson(ModelZip.specJson(file));
        return new Model(spec, ModelZip.network(file));
    }

    /** A data set over ND4J arrays: features (n x d) and labels (n x k) with the same number of rows. */
    public static Dataset dataset(INDArray features, INDArray labels) {
        return (Dataset) DataAccess.dataset(DataArrays.of(features, labels));
    }

    /** The features of {@code data} as an ND4J matrix (shared, not copied: do not write to it). */
    public static INDArray features(Dataset data) {
        return DataAccess.arrays(data).features();
    }

    /** The labels of {@code data} as an ND4J matrix (shared, not copied: do not write to it). */
    public static INDArray labels(Dataset data) {
        return DataAccess.arrays(data).labels();
    }

    /** {@code data} as a DL4J iterator, reshuffled every {@code reset()} as {@link #fit} does; a batch is valid until the next. */
    public static DataSetIterator batches(Dataset data, int batchSize, long seed) {
        return BatchIterator.shuffled(DataAccess.arrays(data), batchSize, seed);
    }

    /** {@code data} as a DL4J iterator in storage order (for evaluation). */
    public static DataSetIterator batchesInOrder(Dataset data, int batchSize) {
        return BatchIterator.inOrder(DataAccess.arrays(data), batchSize);
    }

    private void checkInputs(Dataset data, String what) {
        DataChecks.dataset(String.format("Model '%s' %s data", spec.name(), what), data == null ? null : DataAccess.arrays(data),
                spec.inputSize(), spec.layers(), checkFinite);
    }
}
