package io.fluentdl.internal.dl4j;

import io.fluentdl.callbacks.Callback;
import io.fluentdl.callbacks.ProgressLogger;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.OutputKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A functional model's {@code ComputationGraph} and what {@code Model} does with it: the fit loop
 * (shuffled mini-batches, per-epoch metrics, callbacks), evaluation per output, prediction, saving.
 * Per epoch, the loss is the sum of the outputs' losses plus regularization (Keras' total loss), the
 * accuracy the first output's; with several outputs each output's {@code <name>_loss} and
 * {@code <name>_accuracy} (and {@code val_...}) are in the epoch's metrics.
 */
public final class GraphNetwork implements ModelNetwork {

    /**
     * What the network needs of the spec.
     *
     * @param inputs       input name → numbers per example, in DL4J's input order
     * @param labelColumns output name → label columns, in DL4J's output order
     * @param kinds        output name → what it means (how it is evaluated)
     * @param specJson     the spec as JSON, saved with the weights
     */
    public record Plan(String name, long seed, Map<String, Integer> inputs, Map<String, Integer> labelColumns,
                       Map<String, OutputKind> kinds, String specJson) {
    }

    private final ComputationGraph graph;
    private final Plan plan;

    private GraphNetwork(ComputationGraph graph, Plan plan) {
        this.graph = graph;
        this.plan = plan;
    }

    /** {@code graph}, or a one-line error when the model is sequential (null): named data is for functional models. */
    public static GraphNetwork require(ModelNetwork net, String model) {
        if (!(net instanceof GraphNetwork graph)) {
            throw InvalidConfigException.of(String.format("Model '%s'", model), "data", "MultiDataset",
                    "named inputs and outputs are for a functional model, this one is sequential", "Pass a Dataset");
        }
        return graph;
    }

    /** {@code network}, or a one-line error when the model is functional (null): {@code what} is for sequential models. */
    public static org.deeplearning4j.nn.multilayer.MultiLayerNetwork sequentialOnly(
            org.deeplearning4j.nn.multilayer.MultiLayerNetwork network, String model, String what) {
        if (network == null) {
            throw InvalidConfigException.of(String.format("Model '%s' %s", model, what), "model", "functional", String.format(
                    "%s serves sequential models, this one is functional", what), "Use model.graph() for the ComputationGraph");
        }
        return network;
    }

    /** Builds and initialises the graph from the spec's seed. */
    public static GraphNetwork create(GraphPlan spec, Plan plan) {
        ComputationGraph graph = new ComputationGraph(GraphTranslator.translate(spec).configuration());
        graph.init();
        return new GraphNetwork(graph, plan);
    }

    /** The network saved in {@code file} by {@link #save}. */
    public static GraphNetwork load(Path file, Plan plan) {
        return new GraphNetwork(ModelZip.graph(file), plan);
    }

    public ComputationGraph graph() {
        return graph;
    }

    @Override
    public String name() {
        return plan.name();
    }

    public String specJson() {
        return plan.specJson();
    }

    /** A plain data set as the features of the one input and the labels of the one output. */
    public MultiArrays single(DataArrays data) {
        requireSingle("a Dataset");
        return MultiArrays.of(Map.of(plan.inputs().keySet().iterator().next(), data.features()),
                Map.of(plan.labelColumns().keySet().iterator().next(), data.labels()));
    }

    /** What the one output means (see {@link OutputKind}). */
    @Override
    public OutputKind outputKind() {
        requireSingle("predictClasses");
        return plan.kinds().values().iterator().next();
    }

    /** The learning rate of the first layer that has one (what the callbacks see). */
    @Override
    public double learningRate() {
        return new GraphControl(graph, p -> { }).learningRate();
    }

    /** The one output for the features of the one input (always checked finite). */
    @Override
    public INDArray predict(INDArray features, boolean finite) {
        requireSingle("one matrix of features");
        return predict(Map.of(plan.inputs().keySet().iterator().next(), features)).values().iterator().next();
    }

    private void requireSingle(String what) {
        if (plan.inputs().size() != 1 || plan.labelColumns().size() != 1) {
            throw InvalidConfigException.of(String.format("Model '%s'", plan.name()), "data", what, String.format(
                    "%s serves a model of one input and one output; this one has inputs %s and outputs %s", what,
                    plan.inputs().keySet(), plan.labelColumns().keySet()), "Pass a MultiDataset (or a map) keyed by name");
        }
    }

    /** A copy with the same weights, updater state and counters (no listeners). */
    public GraphNetwork copy() {
        ComputationGraph copy = graph.clone();
        copy.setListeners(new ArrayList<TrainingListener>());
        return new GraphNetwork(copy, plan);
    }

    /** A plain data set for the one input and output; sample and class weights serve sequential models only. */
    @Override
    public History fit(DataArrays train, int epochs, int batchSize, DataArrays validation, FitSettings settings,
                       Consumer<Path> saver, List<Callback> callbacks) {
        return fit(single(train), epochs, batchSize, validation == null ? null : single(validation), settings.progress(), saver,
                callbacks);
    }

    @Override
    public Evaluation evaluate(DataArrays data, boolean finite) {
        return first(evaluate(single(data)));
    }

    /** Trains as {@code Model.fit} documents; {@code validation} may be null. */
    public History fit(MultiArrays train, int epochs, int batchSize, MultiArrays validation, boolean progress,
                       Consumer<Path> saver, List<Callback> callbacks) {
        String where = String.format("Model '%s' fit", plan.name());
        io.fluentdl.errors.Limits.epochs(where, io.fluentdl.errors.Check.atLeast(where, "epochs", epochs, 1));
        io.fluentdl.errors.Limits.batchSize(where, io.fluentdl.errors.Check.atLeast(where, "batchSize", batchSize, 1));
        check(train, "train");
        if (validation != null) {
            check(validation, "validation");
        }
        NativeThreads.defaultBlasOnce();
        GraphBatches batches = new GraphBatches(train, batchSize, plan.seed(),
                plan.inputs().keySet().toArray(String[]::new), plan.labelColumns().keySet().toArray(String[]::new));
        GraphControl control = new GraphControl(graph, saver);
        batches.stopWhen(control::stopRequested);
        List<Callback> all = new ArrayList<>(callbacks);
        if (progress) {
            all.add(new ProgressLogger(System.out, epochs));
        }
        BatchHook hook = BatchHook.wanted(all) ? new BatchHook(all, control) : null;
        if (hook != null) {
            graph.addListeners(hook);
        }
        try {
            List<EpochMetrics> history = new ArrayList<>();
            all.forEach(c -> c.onTrainBegin(control));
            for (int epoch = 1; epoch <= epochs && !control.stopRequested(); epoch++) {
                for (Callback c : all) {
                    c.onEpochBegin(epoch, control);
                }
                batches.startEpoch(graph.getEpochCount());
                if (hook != null) {
                    hook.startEpoch(epoch);
                }
                long start = System.nanoTime();
                graph.fit(batches);
                double seconds = (System.nanoTime() - start) / 1e9;
                EpochMetrics metrics = metrics(epoch, seconds, evaluate(train), validation == null ? null : evaluate(validation));
                history.add(metrics);
                for (Callback c : all) {
                    c.onEpochEnd(epoch, metrics, control);
                }
            }
            History result = new History(history, control.stopRequested() && history.size() < epochs);
            all.forEach(c -> c.onTrainEnd(result, control));
            return result;
        } finally {
            if (hook != null) {
                List<TrainingListener> others = new ArrayList<>(graph.getListeners());
                others.remove(hook);
                graph.setListeners(others);
            }
        }
    }

    private EpochMetrics metrics(int epoch, double seconds, Map<String, Evaluation> train, Map<String, Evaluation> validation) {
        Map<String, Double> perOutput = new LinkedHashMap<>();
        if (train.size() > 1) {
            train.forEach((name, e) -> {
                perOutput.put(name + "_loss", e.loss());
                perOutput.put(name + "_accuracy", e.accuracy());
            });
            if (validation != null) {
                validation.forEach((name, e) -> {
                    perOutput.put("val_" + name + "_loss", e.loss());
                    perOutput.put("val_" + name + "_accuracy", e.accuracy());
                });
            }
        }
        double lr = learningRate();
        return new EpochMetrics(epoch, total(train), first(train).accuracy(), validation == null ? Double.NaN : total(validation),
                validation == null ? Double.NaN : first(validation).accuracy(), seconds, lr, perOutput);
    }

    private double total(Map<String, Evaluation> evaluations) {
        double sum = evaluations.values().stream().mapToDouble(Evaluation::loss).sum();
        return evaluations.size() > 1 ? sum + graph.calcRegularizationScore(true) : sum; // one output: already in
    }

    private static Evaluation first(Map<String, Evaluation> evaluations) {
        return evaluations.values().iterator().next();
    }

    /**
     * Each output's loss and metrics in inference mode, by output name. With one output its loss includes
     * regularization (as a sequential model's); with several each is the output's own loss.
     */
    public Map<String, Evaluation> evaluate(MultiArrays data) {
        check(data, "evaluate");
        return GraphEvaluator.evaluate(graph, data, plan.inputs().keySet(), plan.labelColumns(), plan.kinds());
    }

    /** Each output for {@code inputs} (by input name), by output name. */
    public Map<String, INDArray> predict(Map<String, INDArray> inputs) {
        for (Map.Entry<String, Integer> in : plan.inputs().entrySet()) {
            INDArray x = inputs.get(in.getKey());
            DataChecks.features(String.format("Model '%s' predict, input '%s'", plan.name(), in.getKey()), x, in.getValue(), true);
        }
        INDArray[] out = graph.output(false, plan.inputs().keySet().stream().map(inputs::get).toArray(INDArray[]::new));
        Map<String, INDArray> result = new LinkedHashMap<>();
        int i = 0;
        for (String name : plan.labelColumns().keySet()) {
            result.put(name, out[i++]);
        }
        return result;
    }

    /** Saves weights, updater state and {@code specJson} (see {@link ModelZip}). */
    @Override
    public void save(Path file) {
        ModelZip.writeGraph(graph, plan.specJson(), file, plan.name());
    }

    /** Every input and output present, with the model's widths. */
    private void check(MultiArrays data, String what) {
        String where = String.format("Model '%s' %s data", plan.name(), what);
        if (data == null || data.rows() < 1) {
            throw InvalidConfigException.of(where, "data", null, "the data set needs at least one example", "");
        }
        plan.inputs().forEach((name, size) -> {
            INDArray x = data.inputs().get(name);
            if (x == null) {
                throw InvalidConfigException.of(where, "inputs", data.inputs().keySet(), String.format(
                        "no features for input '%s'; the data has inputs %s, the model %s", name, data.inputs().keySet(),
                        plan.inputs().keySet()), "Name the data's inputs as the model's");
            }
            DataChecks.features(String.format("%s, input '%s'", where, name), x, size, true);
        });
        plan.labelColumns().forEach((name, columns) -> {
            INDArray y = data.outputs().get(name);
            if (y == null || y.columns() != columns) {
                throw InvalidConfigException.of(where, "outputs", name, y == null
                        ? String.format("no labels for output '%s'; the data has outputs %s, the model %s", name,
                        data.outputs().keySet(), plan.labelColumns().keySet())
                        : String.format("output '%s' takes %d label columns, got %d", name, columns, y.columns()),
                        "Give each output its labels");
            }
        });
    }
}
