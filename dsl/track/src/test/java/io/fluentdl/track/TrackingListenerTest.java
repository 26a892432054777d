package io.fluentdl.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.listeners.CollectScoresListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The listener on plain DL4J networks, built without the DSL. */
class TrackingListenerTest {

    private static final int EXAMPLES = 64;
    private static final int BATCH = 16;
    private static final int EPOCHS = 3;
    private static final int ITERATIONS = EPOCHS * EXAMPLES / BATCH; // 12
    private static final double LR = 0.1;

    @TempDir
    Path root;

    @Test
    void logsEveryIterationsScoreAndOneRecordPerEpoch() {
        MultiLayerNetwork net = plainNetwork();
        CollectScoresListener scores = new CollectScoresListener(1);
        Tracker t = Tracker.in(root).name("plain").stepEvery(1).provenance(Map.of()).start();
        net.addListeners(Model.listener(t.callback()), scores);
        train(net);
        t.finish();

        RunReader r = RunReader.open(t.dir());
        MetricSeries loss = r.series(Scope.STEP, "loss");
        assertEquals(ITERATIONS, loss.size());
        assertArrayEquals(scores.getListIteration().toIntArray(), java.util.Arrays.stream(loss.x()).mapToInt(x -> (int) x).toArray());
        assertArrayEquals(scores.getListScore().toDoubleArray(), loss.y(), 0.0);
        assertArrayEquals(new double[] {LR, LR, LR}, java.util.Arrays.copyOf(r.series(Scope.STEP, "lr").y(), 3), 1e-12);
        assertTrue(r.series(Scope.STEP, "offheap_bytes").last() > 0);

        assertArrayEquals(new long[] {1, 2, 3}, r.series(Scope.EPOCH, "loss").x());
        MetricRecord firstEpoch = r.metrics().stream().filter(m -> m.scope() == Scope.EPOCH).findFirst().orElseThrow();
        assertEquals(EXAMPLES / BATCH, firstEpoch.iteration());
        assertEquals(java.util.Arrays.stream(java.util.Arrays.copyOf(loss.y(), 4)).average().orElseThrow(),
                firstEpoch.get("loss"), 1e-9);
        assertTrue(firstEpoch.get("samples_per_sec") > 0);
        assertEquals(ITERATIONS, t.run().summary().get("iterations"));
        assertEquals(RunStatus.FINISHED, r.run().status());
    }

    @Test
    void stepFrequencyIsRespected() {
        MultiLayerNetwork net = plainNetwork();
        Tracker t = Tracker.in(root).name("every5").stepEvery(5).provenance(Map.of()).start();
        net.addListeners(Model.listener(t.callback()));
        train(net);
        t.finish();
        assertArrayEquals(new long[] {0, 5, 10}, RunReader.open(t.dir()).series(Scope.STEP, "loss").x());
    }

    @Test
    void histogramsAtTheAskedFrequencyOnly() {
        MultiLayerNetwork net = plainNetwork();
        Tracker t = Tracker.in(root).name("hist").stepEvery(0).histogramEvery(5).bins(10).provenance(Map.of()).start();
        net.addListeners(Model.listener(t.callback()));
        train(net);
        t.finish();

        RunReader r = RunReader.open(t.dir());
        List<HistogramRecord> all = r.histograms();
        // iterations 0, 5, 10 of 12; 4 parameter tensors (0_W, 0_b, 1_W, 1_b) × weights, gradients, updates
        assertEquals(3 * 4 * 3, all.size());
        assertEquals(List.of(0L, 5L, 10L), all.stream().map(HistogramRecord::iteration).distinct().toList());
        Map<HistogramKind, Long> perKind = all.stream()
                .collect(Collectors.groupingBy(HistogramRecord::kind, Collectors.counting()));
        assertEquals(Map.of(HistogramKind.WEIGHTS, 12L, HistogramKind.GRADIENTS, 12L, HistogramKind.UPDATES, 12L), perKind);
        assertEquals(List.of("hidden", "out"), List.copyOf(r.histogramLayers()));
        for (HistogramRecord h : all) {
            long size = h.param().equals("W") ? (h.layer().equals("hidden") ? 4 * 8 : 8 * 3) : (h.layer().equals("hidden") ? 8 : 3);
            assertEquals(size, h.histogram().count(), h.toString());
            assertEquals(10, h.histogram().counts().length);
        }
        assertEquals(0, r.metricNames(Scope.STEP).size());
    }

    @Test
    void updatesAreTheStepPlainSgdTakes() {
        // plain SGD without regularization: update = -lr * (mean-loss gradient), tensor by tensor
        MultiLayerNetwork net = plainNetwork();
        Tracker t = Tracker.in(root).name("sgd").stepEvery(0).histogramEvery(4).provenance(Map.of()).start();
        net.addListeners(Model.listener(t.callback()));
        train(net);
        t.finish();

        RunReader r = RunReader.open(t.dir());
        List<HistogramRecord> grads = r.histograms("hidden", "W", HistogramKind.GRADIENTS);
        List<HistogramRecord> updates = r.histograms("hidden", "W", HistogramKind.UPDATES);
        assertEquals(3, grads.size());
        for (int i = 0; i < grads.size(); i++) {
            Histogram g = grads.get(i).histogram();
            Histogram u = updates.get(i).histogram();
            assertEquals(-LR * g.mean(), u.mean(), 1e-6);
            assertEquals(LR * g.std(), u.std(), 1e-6);
            assertEquals(-LR * g.max(), u.min(), 1e-6);
        }
    }

    @Test
    void weightsHistogramDescribesTheParametersAfterTheUpdate() {
        MultiLayerNetwork net = plainNetwork();
        Tracker t = Tracker.in(root).name("w").stepEvery(0).histogramEvery(ITERATIONS - 1).provenance(Map.of()).start();
        net.addListeners(Model.listener(t.callback()));
        train(net);
        t.finish();
        // the last iteration (11) is a histogram iteration, so its weights are the final ones
        INDArray w = net.getParam("0_W");
        HistogramRecord last = RunReader.open(t.dir()).histograms("hidden", "W", HistogramKind.WEIGHTS).get(1);
        assertEquals(ITERATIONS - 1, last.iteration());
        assertEquals(w.minNumber().doubleValue(), last.histogram().min(), 1e-7);
        assertEquals(w.maxNumber().doubleValue(), last.histogram().max(), 1e-7);
        assertEquals(w.meanNumber().doubleValue(), last.histogram().mean(), 1e-6);
    }

    static MultiLayerNetwork plainNetwork() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12)
                .updater(new Sgd(LR))
                .list()
                .layer(new DenseLayer.Builder().name("hidden").nIn(4).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nIn(8).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static void train(MultiLayerNetwork net) {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(EXAMPLES, 4);
        INDArray y = Nd4j.zeros(EXAMPLES, 3);
        for (int i = 0; i < EXAMPLES; i++) {
            y.putScalar(i, i % 3, 1.0);
        }
        // any DataSetIterator will do; this one is at hand
        DataSetIterator it = Model.batchesInOrder(Model.dataset(x, y), BATCH);
        for (int e = 0; e < EPOCHS; e++) {
            it.reset();
            net.fit(it);
        }
    }
}
