package io.fluentdl;

import io.fluentdl.callbacks.Callback;
import io.fluentdl.data.Dataset;
import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Limits;
import io.fluentdl.internal.dl4j.BatchIterator;
import io.fluentdl.internal.dl4j.SampleWeights;
import io.fluentdl.internal.dl4j.DataAccess;
import io.fluentdl.internal.dl4j.DataArrays;
import io.fluentdl.internal.dl4j.DataChecks;
import io.fluentdl.internal.dl4j.FineTuning;
import io.fluentdl.internal.dl4j.LearningRates;
import io.fluentdl.internal.dl4j.ModelTranslator;
import io.fluentdl.internal.dl4j.ModelZip;
import io.fluentdl.internal.dl4j.NetworkControl;
import io.fluentdl.internal.dl4j.Predictions;
import io.fluentdl.internal.dl4j.Trainer;
import io.fluentdl.internal.dl4j.TrainingCopy;
import io.fluentdl.internal.dl4j.fast.EngineLayers;
import io.fluentdl.layers.Output;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.TrainMetrics;
import java.nio.file.Path;
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

    /**
     * Builds and initialises the network, run by {@link Engine#configured()} (FAST unless the process chose
     * otherwise); the same spec (and seed) gives the same initial weights with either engine.
     */
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
     * Which layer implementations run this model from now on (see {@link Engine}). The network is rebuilt
     * with the same weights, BN statistics, optimizer state, counters and listeners; {@link #network()}
     * then returns the new one.
     *
     * @param engine {@link Engine#FAST} (the default) or {@link Engine#STOCK} (DL4J's own layers)
     * @return this model
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

    /**
     * The DL4J listener a callback brings (the tracker's: steps, histograms), to attach to a plain
     * {@code MultiLayerNetwork}: {@code net.addListeners(Model.listener(run.callback()))}.
     */
    public static TrainingListener listener(Callback callback) {
        if (callback instanceof io.fluentdl.internal.dl4j.NetworkListener withListener) {
            return withListener.dl4jListener();
        }
        throw InvalidConfigException.of("Model.listener", "callback", callback, String.format(
                "only a callback with a DL4J side (a tracker's) has a listener, got callback=%s", callback),
                "Pass the callback to Model.fit instead.");
    }

    /**
     * A copy with the same spec, weights, updater state and counters (no listeners): training the copy
     * leaves this model as it is (the LR range test trains one).
     */
    public Model copy() {
        Model copy = new Model(spec, TrainingCopy.of(network));
        copy.trainMetrics = trainMetrics;
        copy.verbose = verbose;
        copy.checkFinite = checkFinite;
        copy.classWeight = classWeight;
        return copy;
    }

    /**
     * A model with the named layers also frozen, for fine-tuning, Keras' {@code layer.trainable = False}: the same
     * weights and BN statistics, but fit leaves those layers as they are (a frozen batch norm normalises with
     * its running statistics); the summary counts their weights as non-trainable; save/load keeps it. The
     * optimizer starts afresh (see FineTuning); this model is unchanged.
     */
    public Model freeze(String... layerNames) {
        List<String> names = new java.util.ArrayList<>(spec.frozen());
        names.addAll(List.of(layerNames));
        return withSpec(spec.withFrozen(names));
    }

    /** A model with the named layers trainable again (undoes {@link #freeze}), as {@link #freeze} otherwise. */
    public Model unfreeze(String... layerNames) {
        List<String> names = new java.util.ArrayList<>(spec.frozen());
        names.removeAll(List.of(layerNames));
        return withSpec(spec.withFrozen(names));
    }

    private Model withSpec(ModelSpec changed) {
        MultiLayerConfiguration conf = ModelTranslator.translate(changed.stack(), engine() == Engine.FAST).configuration();
        Model model = new Model(changed, FineTuning.transfer(network, conf));
        model.trainMetrics = trainMetrics;
        model.verbose = verbose;
        model.checkFinite = checkFinite;
        model.classWeight = classWeight;
        return model;
    }

    /**
     * How {@link #fit} measures the training loss and accuracy of each epoch: {@link TrainMetrics#FULL_PASS}
     * (the default, exact for the epoch's final weights) or Keras' running means ({@link TrainMetrics#RUNNING},
     * no extra pass over the data).
     */
    public Model trainMetrics(TrainMetrics mode) {
        this.trainMetrics = Objects.requireNonNull(mode, "trainMetrics mode");
        return this;
    }

    /**
     * How much {@link #fit} prints, Keras' {@code verbose}: 0 nothing, 1 or 2 one line per epoch
     * ({@code Epoch 3/15 - 12.4s - loss: 0.0412 - accuracy: 0.9871 - val_loss: ...}) on standard output.
     * Default 1 when the JVM has a console (a terminal), else 0, and 0 when the system property
     * {@value #VERBOSE_PROPERTY} is "0".
     */
    public Model verbose(int level) {
        Check.atLeast(String.format("Model '%s' verbose", spec.name()), "level", level, 0);
        this.verbose = level;
        return this;
    }

    /**
     * Whether {@link #fit}, {@link #evaluate} and {@link #predict} first check that every feature is a
     * finite number (default {@code true}): NaN or infinite inputs otherwise train to a NaN loss without
     * a word. The check is one pass over the data (a sum, and a scan only when the sum is not finite);
     * turn it off for very large data that is known to be clean. Label and shape checks always run.
     */
    public Model checkFinite(boolean on) {
        this.checkFinite = on;
        return this;
    }

    /**
     * Weighs each training example by its class in every later {@link #fit}, Keras' {@code class_weight}:
     * {@code model.classWeight(Map.of(0, 1.0, 1, 3.0))} makes a class-1 example count three times in the loss.
     * Multiplies any {@link Dataset#withSampleWeights sample weights}; classes left out weigh 1; validation
     * and evaluation stay unweighted. {@code Map.of()} turns it off.
     *
     * @param weights class number (0..classes-1; 0/1 for one sigmoid unit) to a finite weight {@code >= 0}
     */
    public Model classWeight(Map<Integer, Double> weights) {
        Output out = spec.output();
        this.classWeight = SampleWeights.check(String.format("Model '%s' classWeight", spec.name()), weights, spec.outputKind(), out.units());
        return this;
    }

    /**
     * Trains on the first {@code 1 − validationSplit} of {@code data} and validates on the rest, Keras'
     * {@code validation_split}: the split is taken before any shuffling, so the validation examples are
     * the last ones, the same every epoch and every run.
     *
     * @param validationSplit fraction in (0, 1) held out from the end of {@code data}
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
     * and on {@code validation} (may be null) and passed to the callbacks.
     *
     * @param train      training examples
     * @param epochs     number of passes, ≥ 1
     * @param batchSize  examples per update, ≥ 1; the last batch of an epoch may be smaller
     * @param validation examples to measure after each epoch, or null
     * @param callbacks  called around training, epochs and batches (see {@link Callback}); may stop training
     * @return the per-epoch metrics
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

    /**
     * The predicted class of each row: the argmax of a softmax output, or 1 where a sigmoid output is
     * at least 0.5 (Keras' old {@code predict_classes}). Multi-label and regression outputs have no
     * single class: use {@link #predict}.
     */
    public int[] predictClasses(INDArray features) {
        Predictions.requireClasses(spec.name(), spec.outputKind());
        return Predictions.classes(predict(features), spec.outputKind());
    }

    /** The learning rate the optimizer will use at the next iteration (after any schedule or callback change). */
    public double currentLearningRate() {
        return LearningRates.next(network);
    }

    /**
     * Saves weights, updater state (momentum, Adam moments), BN running statistics and the spec to a
     * DL4J model zip; written to a temporary file and moved into place, so a crash never leaves half a file.
     */
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

    /**
     * {@code data} as a DL4J iterator for a plain {@code MultiLayerNetwork}: batches reshuffled every
     * {@code reset()} from {@code seed}, the same order {@link #fit} draws; a batch is valid until the next.
     */
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
