package io.fluentdl.internal.track;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The DL4J side of a tracker: step records every {@code stepEvery} iterations, an epoch record at
 * each epoch end, and histograms every {@code histogramEvery} iterations.
 *
 * <p>DL4J calls back in this order per iteration: {@code onGradientCalculation} (raw gradients, before
 * the updater), then the update, then {@code iterationDone} (parameters already changed). So at a
 * histogram iteration the gradients are binned in the first callback, where the parameters are also
 * copied, and in the second the weights and their difference to the copy (the update actually applied,
 * whatever the updater and regularization did). At every other iteration the cost is a counter check,
 * {@code System.nanoTime()} and two field reads: no copies, no allocation.
 */
final class TrackingListener extends BaseTrainingListener {

    private final RunSink tracker;
    private final int stepEvery;
    private final int histogramEvery;
    private final Map<String, ParamKey> keys = new HashMap<>();

    private long windowStartNanos;
    private long windowSamples;
    private long epochStartNanos;
    private long epochSamples;
    private double epochScoreSum;
    private long epochIterations;
    private Map<String, INDArray> paramsBefore;
    private long paramsBeforeIteration = -1;

    TrackingListener(RunSink tracker, int stepEvery, int histogramEvery) {
        this.tracker = tracker;
        this.stepEvery = stepEvery;
        this.histogramEvery = histogramEvery;
    }

    @Override
    public void onEpochStart(Model model) {
        tracker.dl4jEpochStarted();
        startEpoch(System.nanoTime());
    }

    @Override
    public void onGradientCalculation(Model model) {
        long iteration = BaseOptimizer.getIterationCount(model);
        if (!isHistogramIteration(iteration)) {
            return;
        }
        int epoch = tracker.currentEpoch();
        int batch = batchSize(model);
        boolean miniBatch = model.conf() == null || model.conf().isMiniBatch();
        Map<String, INDArray> gradients = model.gradient().gradientForVariable();
        // in parameter (network) order; DL4J's gradient map is in backprop order, output layer first
        model.paramTable().keySet().forEach(key -> {
            INDArray grad = gradients.get(key);
            if (grad == null) {
                return;
            }
            ParamKey k = key(model, key);
            // DL4J's backprop sums over the minibatch and its updater divides; report the mean-loss
            // gradient, as Keras/TensorFlow do, for the parameters the updater divides
            double scale = miniBatch && batch > 1 && k.layer() != null && k.layer().updaterDivideByMinibatch(k.param())
                    ? 1.0 / batch : 1.0;
            tracker.logHistogram(iteration, epoch, k.name(), k.param(), "GRADIENTS", values(grad), scale);
        });
        Map<String, INDArray> copy = new LinkedHashMap<>();
        model.paramTable().forEach((key, value) -> copy.put(key, value.dup()));
        paramsBefore = copy;
        paramsBeforeIteration = iteration;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        long now = System.nanoTime();
        if (epochStartNanos == 0) {
            startEpoch(now); // fit(DataSet) without epoch callbacks
        }
        int batch = batchSize(model);
        double score = model.score();
        windowSamples += batch;
        epochSamples += batch;
        epochScoreSum += score;
        epochIterations++;
        if (stepEvery > 0 && iteration % stepEvery == 0) {
            logStep(model, iteration, score, now);
        }
        if (isHistogramIteration(iteration)) {
            logWeightsAndUpdates(model, iteration);
        }
    }

    @Override
    public void onEpochEnd(Model model) {
        double seconds = (System.nanoTime() - epochStartNanos) / 1e9;
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("loss", epochIterations == 0 ? Double.NaN : epochScoreSum / epochIterations);
        v.put("epoch_seconds", seconds);
        v.put("samples_per_sec", seconds > 0 ? epochSamples / seconds : Double.NaN);
        v.put("lr", learningRate(model));
        memory(v);
        tracker.dl4jEpochEnded(BaseOptimizer.getIterationCount(model), v);
        epochStartNanos = 0;
    }

    private boolean isHistogramIteration(long iteration) {
        return histogramEvery > 0 && iteration % histogramEvery == 0;
    }

    private void startEpoch(long now) {
        epochStartNanos = now;
        windowStartNanos = now;
        windowSamples = 0;
        epochSamples = 0;
        epochScoreSum = 0;
        epochIterations = 0;
    }

    private void logStep(Model model, long iteration, double score, long now) {
        double seconds = (now - windowStartNanos) / 1e9;
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("loss", score);
        v.put("lr", learningRate(model));
        v.put("samples_per_sec", seconds > 0 ? windowSamples / seconds : Double.NaN);
        memory(v);
        tracker.logStep(iteration, v);
        windowStartNanos = now;
        windowSamples = 0;
    }

    private void logWeightsAndUpdates(Model model, long iteration) {
        int epoch = tracker.currentEpoch();
        Map<String, INDArray> before = paramsBeforeIteration == iteration ? paramsBefore : null;
        model.paramTable().forEach((key, value) -> {
            log(model, iteration, epoch, key, "WEIGHTS", value);
            INDArray old = before == null ? null : before.get(key);
            if (old != null) {
                log(model, iteration, epoch, key, "UPDATES", value.sub(old));
            }
        });
        paramsBefore = null;
        paramsBeforeIteration = -1;
    }

    private void log(Model model, long iteration, int epoch, String key, String kind, INDArray values) {
        ParamKey k = key(model, key);
        tracker.logHistogram(iteration, epoch, k.name(), k.param(), kind, values(values), 1.0);
    }

    private static double[] values(INDArray values) {
        // dup(): a parameter is a view into the flat parameter vector, whose buffer holds every layer
        return values.dup().data().asDouble();
    }

    private ParamKey key(Model model, String key) {
        return keys.computeIfAbsent(key, k -> ParamKey.of(model, k));
    }

    /** A DL4J parameter key split into the layer (its name and object) and the parameter within it. */
    private record ParamKey(String name, String param, Layer layer) {

        /**
         * {@code "0_W"} in a MultiLayerNetwork (layer index; named after the layer's configured name, such
         * as the DSL's {@code dense_1}); {@code "<layerName>_W"} in a ComputationGraph (parameter keys
         * have no underscore, layer names may).
         */
        static ParamKey of(Model model, String key) {
            if (model instanceof MultiLayerNetwork net) {
                int cut = key.indexOf('_');
                String index = key.substring(0, cut);
                Layer layer = net.getLayer(Integer.parseInt(index));
                String name = layer.conf().getLayer().getLayerName();
                return new ParamKey(name == null || name.isEmpty() ? index : name, key.substring(cut + 1), layer);
            }
            int cut = key.lastIndexOf('_');
            if (!(model instanceof ComputationGraph graph) || cut < 0) {
                return new ParamKey("", key, model instanceof Layer layer ? layer : null);
            }
            String name = key.substring(0, cut);
            return new ParamKey(name, key.substring(cut + 1), graph.getLayer(name));
        }
    }

    private static int batchSize(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            // MultiLayerNetwork.batchSize() throws when input or labels were cleared
            INDArray rows = net.getLabels() != null ? net.getLabels() : net.getInput();
            return rows == null ? 0 : (int) rows.size(0);
        }
        return model.batchSize();
    }

    /** The first layer's learning rate (after any schedule), NaN when no layer has one. */
    private static double learningRate(Model model) {
        if (model instanceof MultiLayerNetwork net) {
            for (int i = 0; i < net.getnLayers(); i++) {
                Double lr = net.getLearningRate(i);
                if (lr != null) {
                    return lr;
                }
            }
        } else if (model instanceof ComputationGraph graph) {
            for (org.deeplearning4j.nn.api.Layer layer : graph.getLayers()) {
                Double lr = graph.getLearningRate(layer.conf().getLayer().getLayerName());
                if (lr != null) {
                    return lr;
                }
            }
        }
        return Double.NaN;
    }

    /** Heap in use and ND4J's native (off-heap) allocations as JavaCPP counts them. */
    private static void memory(Map<String, Double> v) {
        Runtime rt = Runtime.getRuntime();
        v.put("heap_bytes", (double) (rt.totalMemory() - rt.freeMemory()));
        v.put("offheap_bytes", (double) Pointer.totalBytes());
    }
}
