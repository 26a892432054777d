package io.fluentdl;

import io.fluentdl.data.Dataset;
import io.fluentdl.data.ShufflingBatchIterator;
import io.fluentdl.internal.dl4j.ModelTranslator;
import io.fluentdl.train.EpochListener;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.TrainMetrics;
import io.fluentdl.train.TrainingControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trainable model made from a {@link ModelSpec}: Keras' compiled model. Wraps a DL4J
 * {@link MultiLayerNetwork} initialised from the spec's seed ({@link #network()} gives it to code that
 * wants DL4J directly).
 *
 * <pre>{@code
 * Model model = Model.of(spec);
 * History h = model.fit(train, 100, 32, test);
 * Evaluation e = model.evaluate(test);
 * model.save(Path.of("model.zip"));
 * }</pre>
 * Not thread-safe: one model trains on one thread; specs are shared, models are not.
 */
public final class Model {

    static {
        io.fluentdl.internal.dl4j.NativeBuild.select(); // before ND4J loads: see NativeBuild
    }

    /** Rows per forward pass when evaluating; bounds memory on large sets. */
    static final int EVALUATION_BATCH = 4096;
    private static final String SPEC_ENTRY = "fluentdl-spec.json";

    private final ModelSpec spec;
    private MultiLayerNetwork network; // replaced by engine(...), which rebuilds it on the other layers
    /** Set to "0" (the {@code fluentdl} command does, it has its own bars) to make {@link #verbose} default to 0. */
    public static final String VERBOSE_PROPERTY = "fluentdl.verbose";
    private TrainMetrics trainMetrics = TrainMetrics.FULL_PASS;
    private int verbose = defaultVerbose();
    private boolean checkFinite = true;
    /** The last fit's batches: reused by the next fit on the same data, with its gather buffers. */
    private ShufflingBatchIterator batches;

    private Model(ModelSpec spec, MultiLayerNetwork network) {
        this.spec = spec;
        this.network = io.fluentdl.internal.dl4j.fast.EngineLayers.prepare(network);
    }

    /**
     * Builds and initialises the network, run by {@link Engine#configured()} (FAST unless the process chose
     * otherwise); the same spec (and seed) gives the same initial weights with either engine.
     */
    public static Model of(ModelSpec spec) {
        org.deeplearning4j.nn.conf.MultiLayerConfiguration conf = ModelTranslator.translate(spec, Engine.configured()).configuration();
        DataChecks.memory(spec); // before init allocates: a layer too large dies in native code, not with an exception
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return new Model(spec, net);
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
        java.util.Objects.requireNonNull(engine, "engine");
        if (engine != engine()) {
            network = io.fluentdl.internal.dl4j.fast.EngineLayers.rebuild(network, engine);
        }
        return this;
    }

    /** The engine that runs this model's layers. */
    public Engine engine() {
        return io.fluentdl.internal.dl4j.fast.EngineLayers.of(network.getLayerWiseConfigurations());
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The DL4J network, for anything the facade does not cover. */
    public MultiLayerNetwork network() {
        return network;
    }

    /** Adds DL4J training listeners (ours from {@code track}, or DL4J's own). */
    public Model addListeners(TrainingListener... listeners) {
        network.addListeners(listeners);
        return this;
    }

    /**
     * How {@link #fit} measures the training loss and accuracy of each epoch: {@link TrainMetrics#FULL_PASS}
     * (the default, exact for the epoch's final weights) or Keras' running means ({@link TrainMetrics#RUNNING},
     * no extra pass over the data).
     */
    public Model trainMetrics(TrainMetrics mode) {
        this.trainMetrics = java.util.Objects.requireNonNull(mode, "trainMetrics mode");
        return this;
    }

    /**
     * How much {@link #fit} prints, Keras' {@code verbose}: 0 nothing, 1 or 2 one line per epoch
     * ({@code Epoch 3/15 - 12.4s - loss: 0.0412 - accuracy: 0.9871 - val_loss: ...}) on standard output.
     * Default 1 when the JVM has a console (a terminal), else 0, and 0 when the system property
     * {@value #VERBOSE_PROPERTY} is "0".
     */
    public Model verbose(int level) {
        io.fluentdl.errors.Check.atLeast(String.format("Model '%s' verbose", spec.name()), "level", level, 0);
        this.verbose = level;
        return this;
    }

    private static int defaultVerbose() {
        return System.console() != null && !"0".equals(System.getProperty(VERBOSE_PROPERTY)) ? 1 : 0;
    }

    /**
     * Trains on the first {@code 1 − validationSplit} of {@code data} and validates on the rest, Keras'
     * {@code validation_split}: the split is taken before any shuffling, so the validation examples are
     * the last ones, the same every epoch and every run.
     *
     * @param validationSplit fraction in (0, 1) held out from the end of {@code data}
     */
    public History fit(Dataset data, int epochs, int batchSize, double validationSplit, EpochListener... listeners) {
        String where = String.format("Model '%s' fit", spec.name());
        if (!(validationSplit > 0 && validationSplit < 1)) {
            throw io.fluentdl.errors.InvalidConfigException.of(where, "validationSplit", validationSplit,
                    String.format("validationSplit must be in (0, 1), got validationSplit=%s", validationSplit), "");
        }
        int splitAt = (int) (data.size() * (1 - validationSplit)); // Keras: int(n * (1 - validation_split))
        if (splitAt < 1 || splitAt >= data.size()) {
            throw io.fluentdl.errors.InvalidConfigException.of(where, "validationSplit", validationSplit,
                    String.format("validationSplit=%s of %d examples leaves %d to train and %d to validate; both need at least one",
                            validationSplit, data.size(), splitAt, data.size() - splitAt), "");
        }
        return fit(data.view(0, splitAt), epochs, batchSize, data.view(splitAt, data.size()), listeners);
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

    /** Trains without validation data. */
    public History fit(Dataset train, int epochs, int batchSize, EpochListener... listeners) {
        return fit(train, epochs, batchSize, null, listeners);
    }

    /**
     * Trains for {@code epochs} passes over {@code train} in mini-batches of {@code batchSize}, reshuffled
     * every epoch: epoch e of the network (counting every earlier fit) uses an order drawn from the
     * spec's seed and e alone, so {@code fit(train, 1, b)} twice trains exactly as {@code fit(train, 2, b)}. After each epoch, loss and accuracy are measured on the
     * training set (as {@link #trainMetrics} says) and on {@code validation} (may be null) and passed to
     * the listeners.
     *
     * @param train      training examples
     * @param epochs     number of passes, ≥ 1
     * @param batchSize  examples per update, ≥ 1; the last batch of an epoch may be smaller
     * @param validation examples to measure after each epoch, or null
     * @param listeners  called at the start, after each epoch (may stop training), and at the end
     * @return the per-epoch metrics
     */
    public History fit(Dataset train, int epochs, int batchSize, Dataset validation, EpochListener... listeners) {
        String where = String.format("Model '%s' fit", spec.name());
        io.fluentdl.errors.Limits.epochs(where, io.fluentdl.errors.Check.atLeast(where, "epochs", epochs, 1));
        io.fluentdl.errors.Limits.batchSize(where, io.fluentdl.errors.Check.atLeast(where, "batchSize", batchSize, 1));
        checkInputs(train, "train");
        if (validation != null) {
            checkInputs(validation, "validation");
        }
        io.fluentdl.internal.dl4j.NativeThreads.defaultBlasOnce(); // GEMMs on every core, unless a search shared them out
        Control control = new Control(network);
        if (batches == null || !batches.serves(train, batchSize, spec.seed())) {
            batches = train.batches(batchSize, spec.seed());
        }
        // warm-ups and cycles counted in epochs move every step: they need the epoch's length
        io.fluentdl.internal.dl4j.StepResolution.apply(network, spec.optimizer().learningRate(),
                (train.size() + batchSize - 1) / batchSize);
        RunningTrainMetrics running = trainMetrics == TrainMetrics.RUNNING ? new RunningTrainMetrics(spec.outputKind()) : null;
        if (running != null) {
            network.addListeners(running);
        }
        if (verbose > 0) {
            listeners = java.util.stream.Stream.concat(java.util.Arrays.stream(listeners),
                    java.util.stream.Stream.of(new io.fluentdl.callbacks.ProgressLogger(System.out, epochs))).toArray(EpochListener[]::new);
        }
        try {
            return fitEpochs(train, epochs, batches, validation, running, control, listeners);
        } finally {
            if (running != null) {
                List<TrainingListener> others = new ArrayList<>(network.getListeners());
                others.remove(running);
                network.setListeners(others);
            }
        }
    }

    private History fitEpochs(Dataset train, int epochs, ShufflingBatchIterator batches, Dataset validation,
                              RunningTrainMetrics running, Control control, EpochListener... listeners) {
        List<EpochMetrics> history = new ArrayList<>();
        for (EpochListener listener : listeners) {
            listener.onTrainBegin(control);
        }
        for (int epoch = 1; epoch <= epochs && !control.stopRequested(); epoch++) {
            batches.startEpoch(network.getEpochCount()); // DL4J counts the epochs this network has trained
            if (running != null) {
                running.reset();
            }
            long start = System.nanoTime();
            network.fit(batches);
            double seconds = (System.nanoTime() - start) / 1e9;
            // checked once by fit: no second data pass per epoch
            Evaluation onTrain = running != null ? running.epoch() : Evaluator.evaluate(network, train, EVALUATION_BATCH, spec.outputKind());
            Evaluation onValidation = validation == null ? null : Evaluator.evaluate(network, validation, EVALUATION_BATCH, spec.outputKind());
            EpochMetrics metrics = new EpochMetrics(epoch, onTrain.loss(), onTrain.accuracy(),
                    onValidation == null ? Double.NaN : onValidation.loss(),
                    onValidation == null ? Double.NaN : onValidation.accuracy(), seconds, lastIterationLearningRate(),
                    chosenMetrics(onTrain, onValidation));
            history.add(metrics);
            for (EpochListener listener : listeners) {
                listener.onEpochEnd(metrics, control);
            }
        }
        History result = new History(history, control.stopRequested() && history.size() < epochs);
        for (EpochListener listener : listeners) {
            listener.onTrainEnd(result, control);
        }
        return result;
    }

    /** The values of the spec's {@code metrics(...)}: {@code auc}, then {@code val_auc} (running train metrics have none: NaN). */
    private Map<String, Double> chosenMetrics(Evaluation onTrain, Evaluation onValidation) {
        Map<String, Double> chosen = new java.util.LinkedHashMap<>();
        for (io.fluentdl.train.Metric m : spec.metrics()) {
            chosen.put(m.key(), onTrain.metric(m.key()));
        }
        if (onValidation != null) {
            for (io.fluentdl.train.Metric m : spec.metrics()) {
                chosen.put(m.onValidation().key(), onValidation.metric(m.key()));
            }
        }
        return chosen;
    }

    /** Loss, accuracy and per-class metrics on {@code data}, in inference mode. */
    public Evaluation evaluate(Dataset data) {
        checkInputs(data, "evaluate");
        return Evaluator.evaluate(network, data, EVALUATION_BATCH, spec.outputKind());
    }

    /** Outputs (probabilities for sigmoid/softmax outputs) for {@code features}, one row per example. */
    public INDArray predict(INDArray features) {
        DataChecks.features(String.format("Model '%s' predict", spec.name()), features, spec, checkFinite);
        return network.output(features, false);
    }

    /**
     * The predicted class of each row: the argmax of a softmax output, or 1 where a sigmoid output is
     * at least 0.5 (Keras' old {@code predict_classes}). Multi-label and regression outputs have no
     * single class: use {@link #predict}.
     */
    public int[] predictClasses(INDArray features) {
        io.fluentdl.train.OutputKind kind = spec.outputKind();
        if (kind == io.fluentdl.train.OutputKind.MULTI_LABEL || kind == io.fluentdl.train.OutputKind.REGRESSION) {
            throw new IllegalStateException(String.format(
                    "Model '%s' predictClasses: a %s output has no single class per row. Use predict(features) and a threshold",
                    spec.name(), kind));
        }
        INDArray out = predict(features);
        int[] classes = new int[(int) out.rows()];
        if (kind == io.fluentdl.train.OutputKind.BINARY) {
            float[] p = out.dup('c').data().asFloat();
            for (int i = 0; i < classes.length; i++) {
                classes[i] = p[i] >= 0.5f ? 1 : 0;
            }
        } else {
            long[] argmax = out.argMax(1).toLongVector();
            for (int i = 0; i < classes.length; i++) {
                classes[i] = (int) argmax[i];
            }
        }
        return classes;
    }

    /** The learning rate the optimizer will use at the next iteration (after any schedule or callback change). */
    public double currentLearningRate() {
        return learningRateAt(network.getIterationCount(), network.getEpochCount());
    }

    /**
     * The rate of the iteration that just ran: after an epoch DL4J's counters already point at the
     * next one, where a schedule may have restarted (SGDR) or dropped (step).
     */
    private double lastIterationLearningRate() {
        return learningRateAt(Math.max(0, network.getIterationCount() - 1), Math.max(0, network.getEpochCount() - 1));
    }

    private double learningRateAt(int iteration, int epoch) {
        for (int i = 0; i < network.getnLayers(); i++) {
            if (network.getLayer(i).conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer layer
                    && layer.getIUpdater() != null && layer.getIUpdater().hasLearningRate()) {
                return layer.getIUpdater().getLearningRate(iteration, epoch);
            }
        }
        return Double.NaN;
    }

    /**
     * Saves weights, updater state (momentum, Adam moments), BN running statistics and the spec to a
     * DL4J model zip; written to a temporary file and moved into place, so a crash never leaves half a file.
     */
    public void save(Path file) {
        Path target = file.toAbsolutePath();
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try {
                ModelSerializer.writeModel(network, tmp.toFile(), true);
                try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), Map.of())) {
                    Files.writeString(zip.getPath(SPEC_ENTRY), spec.toJson(), StandardCharsets.UTF_8);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Model '%s': could not save to %s", spec.name(), target), e);
        }
    }

    /** Loads a model saved by {@link #save(Path)}, with its updater state and spec. */
    public static Model load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw io.fluentdl.errors.InvalidConfigException.of("Model.load", "file", file.toAbsolutePath(), String.format(
                    "No model file at %s", file.toAbsolutePath()), "Save one with model.save(path).");
        }
        requireZip(file);
        try {
            ModelSpec spec;
            try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toAbsolutePath().toUri()), Map.of())) {
                Path entry = zip.getPath(SPEC_ENTRY);
                if (!Files.exists(entry)) {
                    throw new IllegalArgumentException(String.format(
                            "%s is a DL4J model zip without a FluentDL spec; load it with ModelSerializer.restoreMultiLayerNetwork", file));
                }
                spec = ModelSpec.fromJson(Files.readString(entry, StandardCharsets.UTF_8));
            }
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
            return new Model(spec, net);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Could not load a model from %s", file.toAbsolutePath()), e);
        }
    }

    /** A zip starts with "PK\3\4"; anything else would fail inside the zip file system with "Provider "jar" not found". */
    private static void requireZip(Path file) {
        byte[] head = new byte[4];
        int read;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, 4);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("Model.load: could not read %s", file.toAbsolutePath()), e);
        }
        if (read < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            throw io.fluentdl.errors.InvalidConfigException.of("Model.load", "file", file.toAbsolutePath(), String.format(
                    "a model file is a zip written by model.save(path), got %s, which is not a zip (%d bytes)",
                    file.toAbsolutePath(), sizeOf(file)), "Pass the path of a saved model.");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private void checkInputs(Dataset data, String what) {
        DataChecks.dataset(String.format("Model '%s' %s data", spec.name(), what), data, spec, checkFinite);
    }

    private final class Control implements TrainingControl {
        private MultiLayerNetwork network;
        private boolean stop;

        Control(MultiLayerNetwork network) {
            this.network = network;
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
        public MultiLayerNetwork network() {
            return network;
        }

        @Override
        public void save(Path file) {
            Model.this.save(file);
        }
    }
}
