package io.fluentdl.examples;

import static io.fluentdl.nn.Activation.IDENTITY;
import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static io.fluentdl.nn.Loss.MSE;

import io.fluentdl.Functional;
import io.fluentdl.GraphSpec;
import io.fluentdl.Model;
import io.fluentdl.data.MultiDataset;
import io.fluentdl.graph.Input;
import io.fluentdl.graph.Layers;
import io.fluentdl.graph.Node;
import io.fluentdl.optim.Adam;
import io.fluentdl.train.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The functional API: two inputs, a residual block and two outputs with their own losses. Inputs {@code a}
 * and {@code b} are three numbers each; output {@code bigger} says whether sum(a) &gt; sum(b) (softmax,
 * categorical cross-entropy), output {@code gap} predicts sum(a) − sum(b) (linear, MSE). Neither input alone
 * answers either question. Prints the summary with its "Connected to" column, trains, evaluates each output,
 * saves and loads. Kotlin twin: {@code FunctionalTwoInputs.kt}.
 */
public final class FunctionalTwoInputs {

    public static final int TRAIN = 2_000;
    public static final int TEST = 1_000;
    public static final int QUICK_TRAIN = 300;
    public static final int EPOCHS = 20;
    public static final int QUICK_EPOCHS = 3;
    public static final int BATCH_SIZE = 32;

    private FunctionalTwoInputs() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        GraphSpec spec = spec();
        System.out.println(spec.summary());
        MultiDataset train = data(options.quick() ? QUICK_TRAIN : TRAIN, 1);
        MultiDataset test = data(TEST, 2);
        // fit, evaluate and save as with a Sequential model; data by input and output name
        Model model = Model.of(spec);
        model.fit(train, options.epochs(QUICK_EPOCHS, EPOCHS), BATCH_SIZE, test);
        Map<String, Evaluation> e = model.evaluate(test);
        System.out.printf("test: bigger accuracy %.3f, gap mse %.4f, gap r2 %.3f%n", e.get("bigger").accuracy(),
                e.get("gap").metric("mse"), e.get("gap").metric("r2"));
        Path file = Files.createTempFile("functional-two-inputs", ".zip");
        model.save(file);
        Map<String, Evaluation> reloaded = Model.load(file).evaluate(test);
        System.out.printf("loaded from %s: bigger accuracy %.3f%n", file, reloaded.get("bigger").accuracy());
        Files.delete(file);
    }

    /** concat(a, b) → Dense(16) → a residual block (h + Dense(Dense(h))) → two heads. */
    public static GraphSpec spec() {
        Node a = Input.of("a", 3);
        Node b = Input.of("b", 3);
        Node h = Layers.dense(16, RELU).apply(Layers.concatenate(a, b));
        Node inner = Layers.dense(16, IDENTITY).apply(Layers.dense(16, RELU).apply(h));
        Node residual = Layers.add(h, inner);
        Node bigger = Layers.output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY).named("bigger").apply(residual);
        Node gap = Layers.output(1, IDENTITY, MSE).named("gap").apply(residual);
        return Functional.model("two-inputs", List.of(a, b), List.of(bigger, gap))
                .optimizer(Adam.of(3e-3))
                .seed(42)
                .build();
    }

    /** {@code n} examples: a and b standard normal, the class (sum(a) &gt; sum(b)) and the gap. */
    public static MultiDataset data(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] a = new double[n][3];
        double[][] b = new double[n][3];
        int[] bigger = new int[n];
        double[][] gap = new double[n][1];
        for (int i = 0; i < n; i++) {
            double diff = 0;
            for (int j = 0; j < 3; j++) {
                a[i][j] = gaussian(random);
                b[i][j] = gaussian(random);
                diff += a[i][j] - b[i][j];
            }
            bigger[i] = diff > 0 ? 1 : 0;
            gap[i][0] = diff;
        }
        return MultiDataset.builder().input("a", a).input("b", b).output("bigger", bigger, 2).output("gap", gap).build();
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
