package io.fluentdl.examples;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.CsvOptions;
import io.fluentdl.data.Dataset;
import io.fluentdl.data.Split;
import io.fluentdl.optim.Adam;
import io.fluentdl.train.History;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Your own data, as a Keras user brings it: a CSV file with a header and a class column (Fisher's
 * Iris, shipped with the examples), split 80/20 with a seed, standardised with the training set's
 * mean and deviation, and a small MLP trained on it. {@code --data FILE} reads another CSV file whose
 * last column is the class. Kotlin twin: {@code OwnData.kt}.
 */
public final class OwnData {

    public static final String IRIS = "data/iris.csv";
    public static final int EPOCHS = 100;
    public static final int QUICK_EPOCHS = 10;
    public static final int BATCH_SIZE = 16;

    private OwnData() {
    }

    public static void main(String[] args) throws Exception {
        ExampleArgs options = ExampleArgs.parse(args);
        // 1. Data: a CSV file; the label column holds class names, every other column is a number
        Dataset flowers = options.data() != null ? Dataset.fromCsv(options.data(), lastColumn(options), CsvOptions.defaults())
                : iris();
        System.out.printf("%d examples, features %s, classes %s%n", flowers.size(), flowers.featureNames(),
                flowers.classNames());
        // 2. Split (shuffled with a seed), then standardise both sides with the training set's statistics
        Split data = flowers.split(0.8, 42).normalize();
        // 3. Model: one hidden layer, softmax over the classes
        ModelSpec spec = spec(flowers.numFeatures(), flowers.numLabelColumns());
        System.out.println(spec.summary());
        // 4. Train, measuring the held-out set after every epoch; report the last epoch
        History history = Model.of(spec).fit(data.train(), options.epochs(QUICK_EPOCHS, EPOCHS), BATCH_SIZE, data.test());
        System.out.printf("after %d epochs: train accuracy %.3f, test accuracy %.3f (%d test examples)%n",
                history.epochs().size(), history.last().trainAccuracy(), history.last().validationAccuracy(),
                data.test().size());
    }

    /** An MLP for {@code features} measurements and {@code classes} classes: one hidden layer of 16 ReLU units. */
    public static ModelSpec spec(int features, int classes) {
        return Sequential.named("own-data")
                .input(features)
                .dense(16, RELU, HE_UNIFORM)
                .output(classes, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Adam.of(0.01))
                .seed(42)
                .build();
    }

    /** Fisher's Iris from the class path: 150 flowers, 4 measurements, 3 species. */
    public static Dataset iris() throws Exception {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(OwnData.class.getResourceAsStream(IRIS),
                IRIS), StandardCharsets.UTF_8)) {
            return Dataset.fromCsv(reader, IRIS, "species", CsvOptions.defaults());
        }
    }

    /** The header's last name of a user's CSV file: its class column. */
    static String lastColumn(ExampleArgs options) throws java.io.IOException {
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(options.data(), StandardCharsets.UTF_8)) {
            String header = Objects.requireNonNullElse(in.readLine(), "");
            return header.substring(header.lastIndexOf(',') + 1).strip();
        }
    }
}
