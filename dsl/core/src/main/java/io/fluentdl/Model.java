package io.fluentdl;

import io.fluentdl.callbacks.Callback;
import io.fluentdl.data.Dataset;
import io.fluentdl.data.MultiDataset;
import io.fluentdl.errors.Check;
import io.fluentdl.internal.dl4j.*;
import io.fluentdl.internal.dl4j.fast.EngineLayers;
import io.fluentdl.train.Evaluation;
import io.fluentdl.layers.CustomLayer;
import io.fluentdl.train.History;
import io.fluentdl.train.TrainMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A trainable model, Keras' compiled model: from a {@link ModelSpec} on a DL4J {@code MultiLayerNetwork}, or from a
 * functional {@link GraphSpec} on a {@code ComputationGraph}, initialised from the spec's seed:
 * {@code Model.of(spec).fit(train, 100, 32, test, EarlyStopping.monitor(Metric.VAL_LOSS).patience(10))}.
 * Not thread-safe: one model trains on one thread; specs are shared, models are not.
 *
 * <p><b>The one door to DL4J.</b> FluentDL's public packages show no DL4J or ND4J type; this class is the documented
 * exception: {@link #network()}, {@link #graph()}, {@link #addListeners}, {@link #configuration(ModelSpec)}, {@link #layer}
 * (a user's DL4J layer), {@link #predict(INDArray)}, and ND4J data in and out ({@link #dataset(INDArray, INDArray)},
 * {@link #features(Dataset)}, {@link #labels(Dataset)}, {@link #batches(Dataset, int, long)}).
 */
public final class Model {

    /** Set to "0" (the {@code fluentdl} command does, it has its own bars) to make {@link #verbose} default to 0. */
    public static final String VERBOSE_PROPERTY = "fluentdl.verbose";

    private final ModelSpec spec; // null for a functional model: see graphSpec()
    private final ModelNetwork net; // a SequentialNetwork (engine(...) replaces its network) or a GraphNetwork
    private ModelNetwork.FitSettings settings = ModelNetwork.FitSettings.defaults(
            System.console() != null && !"0".equals(System.getProperty(VERBOSE_PROPERTY)));

    private Model(ModelSpec spec, MultiLayerNetwork network) {
        this.spec = spec;
        this.net = new SequentialNetwork(new SequentialNetwork.Shape(spec.name(), spec.inputSize(), spec.layers(),
                spec.outputKind(), spec.toJson()), new Trainer.Plan(spec.seed(), spec.outputKind(), spec.metrics(),
                spec.optimizer().learningRate()), EngineLayers.prepare(network));
    }

    private Model(GraphNetwork graph) {
        this.spec = null;
        this.net = graph;
    }

    /** A functional model ({@link Functional}) on a DL4J {@code ComputationGraph}, with DL4J's own layers. */
    public static Model of(GraphSpec spec) {
        return new Model(GraphNetwork.create(spec.plan(), spec.networkPlan()));
    }

    /** A user's own DL4J layer configuration as a layer of a Sequential or functional model; see {@link CustomLayer}. */
    public static CustomLayer layer(String name, org.deeplearning4j.nn.conf.layers.Layer config) {
        return CustomLayers.of(name, config);
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

    /** Which layers ({@link Engine}) run this model from now on: rebuilt keeping weights, BN statistics, optimizer state, listeners. */
    public Model engine(Engine engine) {
        Objects.requireNonNull(engine, "engine");
        if (engine != engine()) {
            MultiLayerNetwork rebuilt = EngineLayers.rebuild(GraphNetwork.sequentialOnly(network(), net.name(), "engine"), engine == Engine.FAST);
            ((SequentialNetwork) net).replace(rebuilt);
        }
        return this;
    }

    /** The engine that runs this model's layers. */
    public Engine engine() {
        return net instanceof GraphNetwork ? Engine.STOCK : EngineLayers.isFast(network().getLayerWiseConfigurations()) ? Engine.FAST : Engine.STOCK;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** A functional model's spec, or null for a sequential one. */
    public GraphSpec graphSpec() {
        return net instanceof GraphNetwork g ? GraphSpec.fromJson(g.specJson()) : null;
    }

    /** The DL4J network, for anything the facade does not cover (see the class comment); null for a functional model. */
    public MultiLayerNetwork network() {
        return net instanceof SequentialNetwork s ? s.network() : null;
    }

    /** A functional model's DL4J {@code ComputationGraph}; null for a sequential model. */
    public ComputationGraph graph() {
        return net instanceof GraphNetwork g ? g.graph() : null;
    }

    /** Adds DL4J training listeners to the network; FluentDL's own hooks are {@link Callback}s passed to {@code fit}. */
    public Model addListeners(TrainingListener... listeners) {
        GraphNetwork.sequentialOnly(network(), net.name(), "addListeners").addListeners(listeners);
        return this;
    }

    /** The DL4J listener a callback brings (the tracker's), for a plain network: {@code net.addListeners(Model.listener(cb))}. */
    public static TrainingListener listener(Callback callback) {
        return NetworkListener.of(callback);
    }

    /** A copy with the same spec, weights, updater state, counters and settings (no listeners), to train apart. */
    public Model copy() {
        return net instanceof GraphNetwork g ? new Model(g.copy()) : withNetwork(spec, TrainingCopy.of(network()));
    }

    /** A model with the named layers also frozen ({@link Sequential#freeze}): same weights and settings, fresh optimizer state. */
    public Model freeze(String... layerNames) {
        return refrozen("freeze", layerNames);
    }

    /** A model with the named layers trainable again (undoes {@link #freeze}), as {@link #freeze} otherwise. */
    public Model unfreeze(String... layerNames) {
        return refrozen("unfreeze", layerNames);
    }

    private Model refrozen(String what, String[] layerNames) {
        GraphNetwork.sequentialOnly(network(), net.name(), what);
        List<String> frozen = new ArrayList<>(spec.frozen());
        frozen.removeAll(List.of(layerNames));
        if (what.equals("freeze")) {
            frozen.addAll(List.of(layerNames));
        }
        ModelSpec changed = spec.withFrozen(frozen);
        return withNetwork(changed, FineTuning.transfer(network(), ModelTranslator.translate(changed.stack(), engine() == Engine.FAST).configuration()));
    }

    private Model withNetwork(ModelSpec newSpec, MultiLayerNetwork newNetwork) {
        Model model = new Model(newSpec, newNetwork);
        model.settings = settings;
        return model;
    }

    /** How {@link #fit} measures the training metrics: {@link TrainMetrics#FULL_PASS} (default, exact) or Keras' running means. */
    public Model trainMetrics(TrainMetrics mode) {
        settings = settings.withRunning(Objects.requireNonNull(mode, "trainMetrics mode") == TrainMetrics.RUNNING);
        return this;
    }

    /** Keras' {@code verbose}: 0 prints nothing, 1 or 2 a line per epoch; default 1 in a terminal unless {@value #VERBOSE_PROPERTY} is "0". */
    public Model verbose(int level) {
        settings = settings.withProgress(Check.atLeast(String.format("Model '%s' verbose", net.name()), "level", level, 0) > 0);
        return this;
    }

    /** Whether fit, evaluate and predict first check that every feature is finite (default true; NaN trains to NaN silently). */
    public Model checkFinite(boolean on) {
        settings = settings.withFinite(on);
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
        GraphNetwork.sequentialOnly(network(), net.name(), "classWeight");
        settings = settings.withClassWeight(SampleWeights.check(String.format("Model '%s' classWeight", spec.name()), weights,
                spec.outputKind(), spec.output().units()));
        return this;
    }

    /** Keras' {@code validation_split}: trains on the first {@code 1 − validationSplit} of {@code data}, validates on the (unshuffled) rest. */
    public History fit(Dataset data, int epochs, int batchSize, double validationSplit, Callback... callbacks) {
        int splitAt = DataChecks.validationSplit(String.format("Model '%s' fit", net.name()), data.size(), validationSplit);
        return fit(data.view(0, splitAt), epochs, batchSize, data.view(splitAt, data.size()), callbacks);
    }

    /** Trains without validation data. */
    public History fit(Dataset train, int epochs, int batchSize, Callback... callbacks) {
        return fit(train, epochs, batchSize, null, callbacks);
    }

    /**
     * Trains {@code epochs} (≥ 1) passes over {@code train} in batches of {@code batchSize} (≥ 1), reshuffled from the seed and the
     * network's epoch count alone ({@code fit(train, 1, b)} twice trains as {@code fit(train, 2, b)}). After each epoch, metrics on
     * {@code train} (see {@link #trainMetrics}) and {@code validation} (may be null) go to the {@link Callback}s, which may stop it.
     * Sample weights of {@code train} (and {@link #classWeight}) weigh each example's loss.
     */
    public History fit(Dataset train, int epochs, int batchSize, Dataset validation, Callback... callbacks) {
        return net.fit(arrays(train), epochs, batchSize, arrays(validation), settings, this::save, List.of(callbacks));
    }

    /** Trains a functional model on named inputs and outputs as {@code fit(Dataset, ...)} does (see GraphNetwork). */
    public History fit(MultiDataset train, int epochs, int batchSize, MultiDataset validation, Callback... callbacks) {
        return GraphNetwork.require(net, net.name()).fit(MultiAccess.arrays(train), epochs, batchSize, validation == null ? null
                : MultiAccess.arrays(validation), settings.progress(), this::save, List.of(callbacks));
    }

    /** A functional model's loss and metrics per output, by output name, in inference mode. */
    public Map<String, Evaluation> evaluate(MultiDataset data) {
        return GraphNetwork.require(net, net.name()).evaluate(MultiAccess.arrays(data));
    }

    /** A functional model's outputs by name, for features by input name (Keras' predict of a dict). */
    public Map<String, INDArray> predictNamed(Map<String, INDArray> inputs) {
        return GraphNetwork.require(net, net.name()).predict(inputs);
    }

    /** Loss, accuracy and per-class metrics on {@code data}, in inference mode. */
    public Evaluation evaluate(Dataset data) {
        return net.evaluate(arrays(data), settings.finite());
    }

    /** Outputs (probabilities for sigmoid/softmax outputs) for {@code features}, one row per example. */
    public INDArray predict(INDArray features) {
        return net.predict(features, settings.finite());
    }

    /** Each row's class: a softmax output's argmax, or 1 where one sigmoid unit is ≥ 0.5 (Keras' {@code predict_classes}). */
    public int[] predictClasses(INDArray features) {
        Predictions.requireClasses(net.name(), net.outputKind());
        return Predictions.classes(predict(features), net.outputKind());
    }

    /** The learning rate the optimizer will use at the next iteration (after any schedule or callback change). */
    public double currentLearningRate() {
        return net.learningRate();
    }

    /** Saves weights, optimizer state, BN statistics and the spec to a DL4J model zip (temp file, then moved into place). */
    public void save(Path file) {
        net.save(file);
    }

    /** Loads a model saved by {@link #save(Path)}, with its updater state and spec. */
    public static Model load(Path file) {
        GraphSpec graphSpec = GraphSpec.saved(file);
        if (graphSpec != null) {
            return new Model(GraphNetwork.load(file, graphSpec.networkPlan()));
        }
        return new Model(ModelSpec.fromJson(ModelZip.specJson(file)), ModelZip.network(file));
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

    private static DataArrays arrays(Dataset data) {
        return data == null ? null : DataAccess.arrays(data);
    }
}
