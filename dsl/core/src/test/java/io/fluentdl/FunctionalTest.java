package io.fluentdl;

import static io.fluentdl.nn.Activation.IDENTITY;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.data.Dataset;
import io.fluentdl.data.MultiDataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.graph.Input;
import io.fluentdl.graph.Layers;
import io.fluentdl.graph.Node;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Adam;
import io.fluentdl.report.ParamCount;
import io.fluentdl.train.Evaluation;
import io.fluentdl.train.History;
import io.fluentdl.train.OutputKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Functional models: residual and two-input graphs built, summarised, trained, saved and loaded. */
class FunctionalTest {

    /** x + Dense(8, identity)(Dense(8, relu)(x)) → Dense(1, sigmoid): the residual block of the README. */
    static GraphSpec residual() {
        Node x = Input.of("x", 8);
        Node h = Layers.dense(8, RELU).apply(x);
        Node sum = Layers.add(x, Layers.dense(8, IDENTITY).apply(h));
        Node y = Layers.output(1, SIGMOID, Loss.BINARY_CROSSENTROPY).apply(sum);
        return Functional.model("residual", x, y).optimizer(Adam.of(0.01)).seed(1).build();
    }

    @Test
    void residualBlockHasHandCountedParameters() {
        // dense_1: 8·8 + 8 = 72; dense_2: 72; add: 0; output: 8·1 + 1 = 9
        assertEquals(new ParamCount(153, 153, 0), residual().params());
    }

    @Test
    void summaryShowsWhatEachNodeIsConnectedTo() {
        String summary = residual().summary();

        assertTrue(summary.contains("Connected to"), summary);
        assertTrue(summary.matches("(?s).*x \\(InputLayer\\)\\s+\\(None, 8\\)\\s+0\\s+InputTypeFeedForward.*"), summary);
        assertTrue(summary.matches("(?s).*dense_2 \\(Dense\\)\\s+\\(None, 8\\)\\s+72\\s+dense_1\\s+DenseLayer.*"), summary);
        assertTrue(summary.matches("(?s).*add_1 \\(Add\\)\\s+\\(None, 8\\)\\s+0\\s+x, dense_2\\s+ElementWiseVertex\\(Add\\).*"), summary);
        assertTrue(summary.matches("(?s).*output_1 \\(Output\\)\\s+\\(None, 1\\)\\s+9\\s+add_1\\s+OutputLayer.*"), summary);
        assertTrue(summary.contains("Total params: 153"), summary);
    }

    @Test
    void nodesWrittenByNameGiveTheSameSpecAsAppliedNodes() {
        GraphSpec byName = Functional.named("residual")
                .add("output_1", Layers.output(1, SIGMOID, Loss.BINARY_CROSSENTROPY), "add_1") // order free: sorted by build
                .input("x", 8)
                .add("dense_1", Layers.dense(8, RELU), "x")
                .add("dense_2", Layers.dense(8, IDENTITY), "dense_1")
                .add("add_1", Layers.add(), "x", "dense_2")
                .outputs("output_1")
                .optimizer(Adam.of(0.01)).seed(1)
                .build();

        assertEquals(residual(), byName);
    }

    @Test
    void residualModelTrainsOnAPlainDatasetAndLoadsWithIdenticalPredictions(@TempDir Path dir) {
        Dataset data = sumIsPositive(400, 8, 3);
        Model model = Model.of(residual()).verbose(0);
        History h = model.fit(data, 20, 32);
        // the label is a linear function of x: the skip connection alone can represent it
        assertTrue(h.last().trainAccuracy() >= 0.95, () -> "train accuracy " + h.last().trainAccuracy());

        Path file = dir.resolve("residual.zip");
        model.save(file);
        Model loaded = Model.load(file);

        INDArray x = Model.features(data);
        assertEquals(model.predict(x), loaded.predict(x));
        assertEquals(residual(), loaded.graphSpec());
        int[] classes = loaded.predictClasses(x); // sigmoid: 1 where the output is at least 0.5
        for (int i = 0; i < classes.length; i++) {
            assertEquals(loaded.predict(x).getDouble(i, 0) >= 0.5 ? 1 : 0, classes[i]);
        }
        assertNull(loaded.spec());
        assertEquals(model.evaluate(data).loss(), loaded.evaluate(data).loss(), 1e-6);
    }

    /** Two inputs a, b (3 features each); the class is 1 when sum(a) > sum(b): neither input alone tells. */
    static GraphSpec twoInputs() {
        Node a = Input.of("a", 3);
        Node b = Input.of("b", 3);
        Node h = Layers.dense(16, RELU).apply(Layers.concatenate(a, b));
        Node y = Layers.output(2, SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY).named("bigger").apply(h);
        return Functional.model("two-inputs", List.of(a, b), List.of(y)).optimizer(Adam.of(0.01)).seed(7).build();
    }

    @Test
    void twoInputModelLearnsWhatNeedsBothInputs() {
        GraphSpec spec = twoInputs();
        MultiDataset train = twoInputs(600, 11);
        MultiDataset test = twoInputs(300, 12);

        Model model = Model.of(spec).verbose(0);
        model.fit(train, 30, 32, null);
        Evaluation e = model.evaluate(test).get("bigger");

        assertEquals(OutputKind.CLASSIFICATION, e.kind());
        assertTrue(e.accuracy() >= 0.95, () -> "test accuracy " + e.accuracy()); // chance is 0.5
    }

    @Test
    void eachOutputHasItsOwnLossAndMetrics() {
        Node x = Input.of("x", 4);
        Node shared = Layers.dense(16, RELU).apply(x);
        Node sign = Layers.output(1, SIGMOID, Loss.BINARY_CROSSENTROPY).named("sign").apply(shared);
        Node total = Layers.output(1, IDENTITY, Loss.MSE).named("total").apply(shared);
        GraphSpec spec = Functional.model("two-heads", List.of(x), List.of(sign, total)).optimizer(Adam.of(0.01)).seed(3).build();
        MultiDataset data = twoHeads(500, 5);

        Model model = Model.of(spec).verbose(0);
        History h = model.fit(data, 40, 32, null);
        Map<String, Evaluation> e = model.evaluate(data);

        assertEquals(List.of("sign", "total"), List.copyOf(e.keySet()));
        assertEquals(OutputKind.BINARY, e.get("sign").kind());
        assertEquals(OutputKind.REGRESSION, e.get("total").kind());
        assertTrue(e.get("sign").accuracy() >= 0.9, () -> "sign accuracy " + e.get("sign").accuracy());
        assertTrue(e.get("total").metric("r2") >= 0.9, () -> "total r2 " + e.get("total").metric("r2"));
        // the epoch's loss is the sum of the outputs' losses plus regularization (none here)
        double perOutput = h.last().metrics().get("sign_loss") + h.last().metrics().get("total_loss");
        assertEquals(perOutput, h.last().trainLoss(), 1e-9);
        Map<String, INDArray> out = model.predictNamed(Map.of("x", io.fluentdl.internal.dl4j.MultiAccess.arrays(data).inputs().get("x")));
        assertEquals(List.of("sign", "total"), List.copyOf(out.keySet()));
    }

    @Test
    void aPlainDatasetOnATwoInputModelIsOneLine() {
        Model model = Model.of(twoInputs()).verbose(0);
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> model.fit(sumIsPositive(10, 3, 1), 1, 5));
        assertEquals("Model 'two-inputs': a Dataset serves a model of one input and one output; this one has inputs [a, b] and "
                + "outputs [bigger]. Pass a MultiDataset (or a map) keyed by name.", e.getMessage());
        InvalidConfigException wrongName = assertThrows(InvalidConfigException.class, () -> model.fit(
                MultiDataset.builder().input("a", new double[][] {{1, 2, 3}}).input("c", new double[][] {{1, 2, 3}})
                        .output("bigger", new int[] {1}, 2).build(), 1, 1, null));
        assertFalse(wrongName.getMessage().contains("\n"), wrongName.getMessage());
        assertTrue(wrongName.getMessage().contains("no features for input 'b'"), wrongName.getMessage());
        InvalidConfigException engine = assertThrows(InvalidConfigException.class, () -> model.engine(Engine.FAST));
        assertEquals("Model 'two-inputs' engine: engine serves sequential models, this one is functional. "
                + "Use model.graph() for the ComputationGraph.", engine.getMessage());
        // sequential-only settings on a functional model: one line each, not a NullPointerException from its absent spec
        InvalidConfigException weights = assertThrows(InvalidConfigException.class, () -> model.classWeight(Map.of(0, 2.0)));
        assertEquals("Model 'two-inputs' classWeight: classWeight serves sequential models, this one is functional. "
                + "Use model.graph() for the ComputationGraph.", weights.getMessage());
        InvalidConfigException freeze = assertThrows(InvalidConfigException.class, () -> model.freeze("dense_1"));
        assertTrue(freeze.getMessage().startsWith("Model 'two-inputs' freeze: freeze serves sequential models"), freeze.getMessage());
        InvalidConfigException sequential = assertThrows(InvalidConfigException.class,
                () -> Model.of(Specs.caseStudy(io.fluentdl.layers.BnPlacement.NONE)).evaluate(twoInputs(5, 1)));
        assertTrue(sequential.getMessage().contains("this one is sequential"), sequential.getMessage());
    }

    // --- data

    private static Dataset sumIsPositive(int n, int features, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < features; j++) {
                x[i][j] = random.nextGaussian();
                sum += x[i][j];
            }
            y[i] = sum > 0 ? 1 : 0;
        }
        double[][] targets = new double[n][1];
        for (int i = 0; i < n; i++) {
            targets[i][0] = y[i];
        }
        return Dataset.of(x, targets);
    }

    private static MultiDataset twoInputs(int n, long seed) {
        Random random = new Random(seed);
        double[][] a = new double[n][3];
        double[][] b = new double[n][3];
        int[] bigger = new int[n];
        for (int i = 0; i < n; i++) {
            double sa = 0;
            double sb = 0;
            for (int j = 0; j < 3; j++) {
                a[i][j] = random.nextGaussian();
                b[i][j] = random.nextGaussian();
                sa += a[i][j];
                sb += b[i][j];
            }
            bigger[i] = sa > sb ? 1 : 0;
        }
        return MultiDataset.builder().input("a", a).input("b", b).output("bigger", bigger, 2).build();
    }

    private static MultiDataset twoHeads(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[n][4];
        double[][] sign = new double[n][1];
        double[][] total = new double[n][1];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < 4; j++) {
                x[i][j] = random.nextGaussian();
                sum += x[i][j];
            }
            sign[i][0] = sum > 0 ? 1 : 0;
            total[i][0] = sum;
        }
        return MultiDataset.builder().input("x", x).output("sign", sign).output("total", total).build();
    }
}
