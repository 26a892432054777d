package io.fluentdl.examples;

import io.fluentdl.Model;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.track.RunReader;
import io.fluentdl.track.Scope;
import io.fluentdl.track.Tracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Tracking a plain DL4J network, written with DL4J's own builders and no FluentDL spec: the tracker's
 * listener goes on the network like any DL4J {@code TrainingListener} and records per-step loss, per-epoch
 * loss, throughput and learning rate, and weight/gradient/update histograms into a local run folder,
 * which is then read back. Java only: this is about DL4J code as it is.
 */
public final class TrackPlainDl4j {

    public static final int EPOCHS = 20;
    public static final int QUICK_EPOCHS = 3;
    public static final int BATCH_SIZE = 32;
    public static final int HISTOGRAM_EVERY = 50;

    private TrackPlainDl4j() {
    }

    public static void main(String[] args) throws IOException {
        ExampleArgs options = ExampleArgs.parse(args);
        int epochs = options.epochs(QUICK_EPOCHS, EPOCHS);
        // 1. Data: make_circles; the first half trains, the second half tests
        Dataset all = Circles.dataset(1000, 0.1, 1);
        Dataset train = all.slice(0, 500);
        Dataset test = all.slice(500, 1000);
        // 2. A network written with DL4J's builders: Dense(50, relu) -> Dense(1, sigmoid), Nesterov momentum
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(1)
                .updater(new Nesterovs(0.01, 0.9))
                .weightInit(WeightInit.RELU_UNIFORM)
                .list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(50).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(50).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // 3. A run in a local folder; its listener goes on the network, the DL4J configuration is its config
        Path root = Files.createTempDirectory("fluentdl-runs");
        Path runDir;
        try (Tracker run = Tracker.in(root).experiment("plain-dl4j").name("circles-mlp").configJson(conf.toJson())
                .histogramEvery(HISTOGRAM_EVERY).start()) {
            runDir = run.dir();
            net.addListeners(Model.listener(run.callback()));
            DataSetIterator batches = Model.batches(train, BATCH_SIZE, 1);
            for (int epoch = 1; epoch <= epochs; epoch++) {
                if (epoch > 1) {
                    batches.reset(); // the next epoch's order
                }
                net.fit(batches);
            }
            double accuracy = net.evaluate(Model.batchesInOrder(test, test.size())).accuracy();
            run.finish(Map.of("test_accuracy", accuracy));
        }
        // 4. Read the run back: what was recorded, and the last value of each epoch metric
        RunReader reader = RunReader.open(runDir);
        System.out.printf("run %s in %s: %s%n", reader.run().name(), runDir, reader.run().status());
        System.out.printf("step metrics %s, %d histogram records for layers %s%n", reader.metricNames(Scope.STEP),
                reader.histograms().size(), reader.histogramLayers());
        reader.metricNames(Scope.EPOCH).forEach(name -> System.out.printf("epoch %-18s last %.4g%n", name,
                reader.series(Scope.EPOCH, name).last()));
        System.out.printf("summary %s%n", reader.run().summary());
    }
}
