package io.fluentdl.experiments.reliability;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Dataset;
import io.fluentdl.experiments.Experiments;
import io.fluentdl.experiments.testing.Cli;
import io.fluentdl.optim.Sgd;
import io.fluentdl.search.Hp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The bad-input sweep of issue 18 as a table: each row is one bad input a careful user or an attacker
 * gives (command lines, sweep files, Java API calls, data files), and asserts the exit code (2 for bad
 * usage, 1 for a failure) or the exception, and one line that names where and what: never a stack trace,
 * never a raw DL4J/ND4J/SnakeYAML/Jackson message. Sweep rows must name the file and line.
 */
class BadInputTableTest {

    @TempDir
    static Path dir;

    /** A valid circles sweep; rows replace one line of it. */
    static final String SWEEP = String.join("\n",
            "name: bad-input",
            "trials: 2",
            "seed: 5",
            "model: {data: circles, train_size: 60, validation_size: 30, test_size: 30, epochs: 1, optimizer: adam}",
            "parameters:",
            "  lr: {distribution: log_uniform, min: 1.0e-3, max: 1.0e-1}",
            "  units: {distribution: int_uniform, min: 4, max: 16}",
            "");

    @BeforeAll
    static void files() throws IOException {
        Files.writeString(dir.resolve("a-file"), "not a folder");
        Files.createDirectories(dir.resolve("used/bn-case-study"));
        Files.writeString(dir.resolve("used/bn-case-study/results.json"), "{}");
        Files.createDirectories(dir.resolve("empty"));
        Files.createDirectories(dir.resolve("corrupt-results"));
        Files.writeString(dir.resolve("corrupt-results/results.json"), "{\"experiment\": \"x\",\n  \"variants\": [,]\n}");
        Path mnist = Files.createDirectories(dir.resolve("bad-mnist"));
        for (String f : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Files.write(mnist.resolve(f), new byte[] {1, 2, 3, 4, 5, 6, 7});
        }
        Files.writeString(dir.resolve("model.zip"), "this is not a zip file");
    }

    // ---------------------------------------------------------------- command lines

    static Stream<Arguments> commandLines() {
        List<Arguments> rows = new ArrayList<>();
        cli(rows, "unknown command", 2, "unknown command 'rnu'", d -> List.of("rnu"));
        cli(rows, "unknown experiment", 2, "unknown experiment 'bn-case-stduy'", d -> List.of("run", "bn-case-stduy"));
        cli(rows, "epochs 0", 2, "expected a whole number >= 1, got '0'", d -> run(d, "--epochs", "0"));
        cli(rows, "epochs Integer.MAX_VALUE", 2, "expected at most 100000 epochs", d -> run(d, "--epochs", "2147483647"));
        cli(rows, "epochs past int", 2, "expected a whole number >= 1, got '99999999999'", d -> run(d, "--epochs", "99999999999"));
        cli(rows, "epochs not a number", 2, "got 'ten'", d -> run(d, "--epochs", "ten"));
        cli(rows, "negative seed", 2, "expected a whole number >= 0, got '-1'", d -> run(d, "--seed", "-1"));
        cli(rows, "zero seeds", 2, "expected a whole number >= 1, got '0'", d -> run(d, "--seeds", "0"));
        cli(rows, "unknown backend", 2, "tpu", d -> run(d, "--backend", "tpu"));
        cli(rows, "--data missing", 2, "--data must be a folder", d -> run(d, "--data", d.resolve("nowhere").toString()));
        cli(rows, "--out is a file", 2, "--out must be a folder, got", d -> List.of("run", "bn-case-study", "--quick",
                "--out", d.resolve("a-file").toString()));
        cli(rows, "--out under a file", 2, "is a file. Pick a path under a folder", d -> List.of("run", "bn-case-study",
                "--quick", "--out", d.resolve("a-file/sub").toString()));
        cli(rows, "run into a used --out", 2, "add --resume", d -> List.of("run", "bn-case-study", "--quick", "--out",
                d.resolve("used").toString()));
        cli(rows, "report of a missing folder", 2, "nowhere", d -> List.of("report", d.resolve("nowhere").toString()));
        cli(rows, "report of a folder without results", 2, "results.json", d -> List.of("report", d.resolve("empty").toString()));
        cli(rows, "search without the file", 2, "no sweep file at", d -> List.of("search", d.resolve("none.yaml").toString()));
        cli(rows, "search --trials 0", 2, "--trials must be >= 1, got 0", d -> search(d, SWEEP, "--trials", "0"));
        cli(rows, "search --trials 2e9", 2, "--trials must be <= 100000", d -> search(d, SWEEP, "--trials", "2000000000"));
        cli(rows, "search --workers 0", 2, "--workers must be >= 1, got 0", d -> search(d, SWEEP, "--workers", "0"));
        cli(rows, "search --out under a file", 2, "is a file", d -> search(d, SWEEP, "--out", d.resolve("a-file/x").toString()));
        cli(rows, "unknown option", 2, "--epoch", d -> run(d, "--epoch", "3"));
        // data files
        cli(rows, "report of a damaged results.json", 1, "corrupt-results/results.json: Unexpected character",
                d -> List.of("report", d.resolve("corrupt-results").toString()));
        cli(rows, "a study.db that is not SQLite", 1, "bad-input/study.db: [SQLITE_NOTADB]", d -> {
            List<String> args = search(d, SWEEP, "--resume");
            Path study = Path.of(args.get(args.indexOf("--out") + 1)).resolve("bad-input").resolve("study.db");
            try {
                Files.createDirectories(study.getParent());
                Files.writeString(study, "not a database, but long enough to have a header of sorts........".repeat(20));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return args;
        });
        cli(rows, "MNIST files that are not IDX", 1, "MNIST file", d -> List.of("run", "keras-mnist-mlp", "--quick",
                "--quiet", "--data", d.resolve("bad-mnist").toString(), "--out", d.resolve("out-mnist").toString()));
        return rows.stream();
    }

    // ---------------------------------------------------------------- sweep files (through `fluentdl search`)

    static Stream<Arguments> sweepFiles() {
        List<Arguments> rows = new ArrayList<>();
        sweep(rows, "logUniform low > high", "line 6", "logUniform needs 0 < low <= high",
                "  lr: {distribution: log_uniform, min: 1.0e-3, max: 1.0e-1}", "  lr: {distribution: log_uniform, min: 0.1, max: 0.001}");
        sweep(rows, "misspelt distribution", "line 6", "Did you mean 'log_uniform'",
                "distribution: log_uniform,", "distribution: log_unifrom,");
        sweep(rows, "trials 2e9", "line 2", "trials must be <= 100000", "trials: 2", "trials: 2000000000");
        sweep(rows, "units up to 2e9", "line 7", "units must be <= 65536",
                "max: 16}", "max: 2000000000}");
        sweep(rows, "units 100000 in a list", "line 7", "units must be <= 65536", "  units: {distribution: int_uniform, min: 4, max: 16}",
                "  units: {values: [8, 100000]}");
        sweep(rows, "epochs Integer.MAX_VALUE", "line 4", "epochs must be <= 100000", "epochs: 1,", "epochs: 2147483647,");
        sweep(rows, "batch size 0", "line 4", "batch_size must be >= 1", "optimizer: adam}", "optimizer: adam, batch_size: 0}");
        sweep(rows, "batch size 1e7", "line 7", "batch_size must be <= 1048576", "  units:", "  batch_size: {values: [32, 10000000]}\n  units:");
        sweep(rows, "layers 5000", "line 7", "layers must be <= 1000", "  units:", "  layers: {values: [2, 5000]}\n  units:");
        sweep(rows, "dropout 1.0", "line 7", "dropout must be in [0, 1)", "  units:", "  dropout: {values: [0.1, 1.0]}\n  units:");
        sweep(rows, "negative learning rate", "line 6", "lr must be > 0", "  lr: {distribution: log_uniform, min: 1.0e-3, max: 1.0e-1}",
                "  lr: {values: [-0.1]}");
        sweep(rows, "momentum 1.5", "line 7", "momentum must be in [0, 1)", "  units:", "  momentum: {distribution: uniform, min: 0.5, max: 1.5}\n  units:");
        sweep(rows, "unknown top-level key", "line 3", "unknown top-level key 'sed'", "seed: 5", "sed: 5");
        sweep(rows, "key given twice", "line 3", "'trials' is given twice", "seed: 5", "trials: 3");
        sweep(rows, "unknown method", "line 3", "unknown method 'randon'", "seed: 5", "method: randon");
        sweep(rows, "unknown metric", "line 3", "unknown metric 'val_acc'", "seed: 5", "metric: val_acc");
        sweep(rows, "validation metric without validation data", "line 3", "needs validation data",
                "seed: 5", "metric: val_accuracy").add(rowFix(rows, "validation_size: 30", "validation_size: 0"));
        sweep(rows, "unknown activation", "line 7", "unknown activation 'rleu'", "  units:", "  activation: {values: [relu, rleu]}\n  units:");
        sweep(rows, "seed not a number", "line 3", "expected a number, got 'abc'", "seed: 5", "seed: abc");
        sweep(rows, "no parameters", "bad-input.yaml", "a sweep needs 'parameters:'", "parameters:\n  lr: {distribution: log_uniform, min: 1.0e-3, max: 1.0e-1}\n  units: {distribution: int_uniform, min: 4, max: 16}", "");
        sweep(rows, "YAML syntax error", "bad-input.yaml line", "not valid YAML", "trials: 2", "trials: [2");
        sweep(rows, "a list, not a mapping", "bad-input.yaml", "must be a mapping", SWEEP, "- 1\n- 2\n");
        sweep(rows, "YAML alias bomb", "bad-input.yaml", "aliases", SWEEP, bomb());
        rows.add(Arguments.of("not UTF-8", "bad-input.yaml line 2", "must be UTF-8 text, got byte 0xe9",
                (Function<Path, byte[]>) d -> latin1()));
        return rows.stream();
    }

    // ---------------------------------------------------------------- Java API

    static Stream<Arguments> apiCalls() {
        List<Arguments> rows = new ArrayList<>();
        api(rows, "NaN feature", "features must be finite numbers, got features[1, 0]=NaN",
                () -> binary().fit(data(new double[][] {{0, 0}, {Double.NaN, 1}}, new double[][] {{0}, {1}}), 1, 2));
        api(rows, "infinite feature", "got features[0, 1]=Infinity",
                () -> binary().fit(data(new double[][] {{0, Double.POSITIVE_INFINITY}}, new double[][] {{0}}), 1, 2));
        api(rows, "NaN in validation", "validation data: features must be finite",
                () -> binary().fit(data(new double[][] {{0, 0}}, new double[][] {{0}}), 1, 2,
                        data(new double[][] {{Double.NaN, 0}}, new double[][] {{1}})));
        api(rows, "one-hot label 5", "categorical_crossentropy needs labels in [0, 1], got labels[0, 2]=5",
                () -> softmax3().fit(data(new double[][] {{0, 0}}, new double[][] {{0, 0, 5}}), 1, 1));
        api(rows, "one-hot row summing to 2", "got row 1 summing to 2",
                () -> softmax3().fit(data(new double[][] {{0, 0}, {1, 1}}, new double[][] {{0, 1, 0}, {1, 1, 0}}), 1, 1));
        api(rows, "3 label columns for 2 outputs", "labels must have 2 columns for output(2, categorical_crossentropy), got 3",
                () -> model(2, SOFTMAX, CATEGORICAL_CROSSENTROPY).fit(data(new double[][] {{0, 0}}, new double[][] {{0, 1, 0}}), 1, 1));
        api(rows, "binary label 2", "binary_crossentropy needs labels in [0, 1], got labels[0, 0]=2",
                () -> binary().fit(data(new double[][] {{0, 0}}, new double[][] {{2}}), 1, 1));
        api(rows, "NaN label", "labels must be finite numbers, got labels[0, 0]=NaN",
                () -> binary().fit(data(new double[][] {{0, 0}}, new double[][] {{Double.NaN}}), 1, 1));
        api(rows, "fit on 0 examples", "at least one example",
                () -> binary().fit(Model.dataset(Nd4j.zeros(0, 2), Nd4j.zeros(0, 1)), 1, 1));
        api(rows, "fit on null", "must not be null", () -> binary().fit(null, 1, 1));
        api(rows, "fit with the wrong width", "the data has 3 features per example but the model's input(2) expects 2",
                () -> binary().fit(data(new double[][] {{0, 0, 0}}, new double[][] {{0}}), 1, 1));
        api(rows, "evaluate with the wrong width", "evaluate data: the data has 1 features",
                () -> binary().evaluate(data(new double[][] {{0}}, new double[][] {{0}})));
        api(rows, "evaluate with bad labels", "needs labels in [0, 1]",
                () -> binary().evaluate(data(new double[][] {{0, 0}}, new double[][] {{-1}})));
        api(rows, "predict with the wrong width", "the data has 5 features per example",
                () -> binary().predict(Nd4j.zeros(3, 5)));
        api(rows, "predict a rank-1 vector", "features must be a 2-d matrix (examples x 2), got shape=[2]",
                () -> binary().predict(Nd4j.createFromArray(1.0f, 2.0f)));
        api(rows, "predict null", "features must not be null", () -> binary().predict(null));
        api(rows, "predict NaN", "features must be finite", () -> binary().predict(Nd4j.createFromArray(new float[][] {{Float.NaN, 0}})));
        api(rows, "predict 0 rows", "at least one example", () -> binary().predict(Nd4j.zeros(0, 2)));
        api(rows, "epochs 0", "epochs must be >= 1, got epochs=0",
                () -> binary().fit(data(new double[][] {{0, 0}}, new double[][] {{0}}), 0, 1));
        api(rows, "epochs 2e9", "epochs must be <= 100000", () -> binary().fit(data(new double[][] {{0, 0}}, new double[][] {{0}}), 2_000_000_000, 1));
        api(rows, "batch size 0", "batchSize must be >= 1, got batchSize=0",
                () -> binary().fit(data(new double[][] {{0, 0}}, new double[][] {{0}}), 1, 0));
        api(rows, "batch size 2e9", "batchSize must be <= 1048576",
                () -> binary().fit(data(new double[][] {{0, 0}}, new double[][] {{0}}), 1, 2_000_000_000));
        api(rows, "dense units 0", "units must be >= 1, got units=0",
                () -> Sequential.named("m").input(2).dense(0, RELU).output(1, SIGMOID, BINARY_CROSSENTROPY).build());
        api(rows, "dense units 2e9", "units must be <= 65536 (a 65536 x 65536 weight matrix alone takes 16 GiB), got units=2000000000",
                () -> Sequential.named("m").input(2).dense(2_000_000_000, RELU).output(1, SIGMOID, BINARY_CROSSENTROPY).build());
        api(rows, "output units 100000", "units must be <= 65536",
                () -> Sequential.named("m").input(2).output(100_000, SOFTMAX, CATEGORICAL_CROSSENTROPY).build());
        api(rows, "a layer larger than memory", "GiB ND4J may allocate", () -> Model.of(Sequential.named("huge")
                .input(65_536).dense(65_536, RELU).output(1, SIGMOID, BINARY_CROSSENTROPY).build()));
        api(rows, "Model.load of a text file", "not a zip", () -> Model.load(dir.resolve("model.zip")));
        api(rows, "Model.load of nothing", "No model file at", () -> Model.load(dir.resolve("none.zip")));
        api(rows, "logUniform low > high", "Hp 'lr': logUniform needs 0 < low <= high", () -> Hp.logUniform("lr", 0.1, 0.001));
        api(rows, "dataset rows differ", "same number of rows", () -> Model.dataset(Nd4j.zeros(3, 2), Nd4j.zeros(2, 1)));
        api(rows, "slice out of range", "slice needs 0 <= from <= to <= size",
                () -> data(new double[][] {{0, 0}}, new double[][] {{0}}).slice(0, 5));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void commandLineGivesOneLineAndTheExitCode(String name, int exit, String fragment, Function<Path, List<String>> args) {
        Cli.Outcome o = Cli.run(Experiments.registry(), args.apply(dir).toArray(String[]::new));
        assertEquals(exit, o.exitCode(), o.err());
        assertOneLineReason(o.err(), fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweepFiles")
    void sweepFileGivesItsFileAndLine(String name, String where, String fragment, Function<Path, byte[]> content)
            throws IOException {
        Path file = Files.createTempDirectory(dir, "sweep").resolve("bad-input.yaml");
        Files.write(file, content.apply(dir));
        Cli.Outcome o = Cli.run(Experiments.registry(), "search", file.toString(), "--quiet", "--out",
                file.getParent().resolve("out").toString());
        assertEquals(2, o.exitCode(), o.err());
        assertOneLineReason(o.err(), fragment);
        assertTrue(o.err().contains(where), () -> String.format("expected '%s' in: %s", where, o.err()));
        assertFalse(Files.exists(file.getParent().resolve("out").resolve("bad-input")), "nothing written for a bad file");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiCalls")
    void apiCallThrowsOurOneLineMessage(String name, String fragment, org.junit.jupiter.api.function.Executable call) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        String message = e.getMessage();
        assertTrue(message.contains(fragment), () -> String.format("expected '%s' in: %s", fragment, message));
        assertFalse(message.contains("\n"), message);
        assertFalse(message.matches("(?s).*(org\\.nd4j|org\\.deeplearning4j|Exception:|Provider \"jar\").*"), message);
    }

    /** The first line is the reason; what follows may only be picocli's usage lines (exit 2) or nothing. */
    private static void assertOneLineReason(String err, String fragment) {
        String first = err.lines().findFirst().orElse("");
        assertTrue(first.contains(fragment), () -> String.format("expected '%s' in the first line of: %s", fragment, err));
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(err.matches("(?s).*(Exception:|\\[Source:|Input length = ).*"), err);
        err.lines().skip(1).forEach(l -> assertTrue(l.startsWith("Usage:") || l.startsWith(" ") || l.startsWith("Try '")
                || l.isBlank(), () -> "only usage lines after the reason: " + err));
    }

    // ---------------------------------------------------------------- row builders and fixtures

    private static void cli(List<Arguments> rows, String name, int exit, String fragment, Function<Path, List<String>> args) {
        rows.add(Arguments.of(name, exit, fragment, args));
    }

    private static List<String> run(Path d, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "bn-case-study", "--quick", "--quiet", "--out",
                d.resolve("out-run").toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private static List<String> search(Path d, String yaml, String... extra) {
        try {
            Path file = Files.createTempDirectory(d, "cli").resolve("s.yaml");
            Files.writeString(file, yaml);
            List<String> args = new ArrayList<>(List.of("search", file.toString(), "--quiet"));
            if (!List.of(extra).contains("--out")) {
                args.addAll(List.of("--out", file.getParent().resolve("out").toString()));
            }
            args.addAll(List.of(extra));
            return args;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A row whose sweep is {@link #SWEEP} with {@code from} replaced by {@code to}; returns the list for chaining a fix. */
    private static List<Arguments> sweep(List<Arguments> rows, String name, String where, String fragment, String from,
                                         String to) {
        if (!SWEEP.contains(from) && !from.equals(SWEEP)) {
            throw new IllegalArgumentException("fixture: the sweep has no " + from);
        }
        String text = from.equals(SWEEP) ? to : SWEEP.replace(from, to);
        rows.add(Arguments.of(name, where, fragment, (Function<Path, byte[]>) d -> text.getBytes(StandardCharsets.UTF_8)));
        return rows;
    }

    /** Applies one more replacement to the last sweep row (for rows that need two changes). */
    private static Arguments rowFix(List<Arguments> rows, String from, String to) {
        Arguments last = rows.remove(rows.size() - 1);
        Object[] a = last.get();
        @SuppressWarnings("unchecked")
        Function<Path, byte[]> before = (Function<Path, byte[]>) a[3];
        return Arguments.of(a[0], a[1], a[2], (Function<Path, byte[]>) d -> new String(before.apply(d),
                StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8));
    }

    /** Billion laughs: 9 levels of 9 aliases each (9^9 leaves if expanded). */
    private static String bomb() {
        StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            String alias = "*a" + (i - 1);
            y.append(String.format("a%d: &a%d [%s]%n", i, i, String.join(", ", java.util.Collections.nCopies(9, alias))));
        }
        return y + "parameters: *a8\n";
    }

    /** "description: café" in Latin-1 on line 2. */
    private static byte[] latin1() {
        return SWEEP.replace("trials: 2", "description: caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void api(List<Arguments> rows, String name, String fragment, org.junit.jupiter.api.function.Executable call) {
        rows.add(Arguments.of(name, fragment, call));
    }

    private static Model binary() {
        return model(1, SIGMOID, BINARY_CROSSENTROPY);
    }

    private static Model softmax3() {
        return model(3, SOFTMAX, CATEGORICAL_CROSSENTROPY);
    }

    private static Model model(int outputs, io.fluentdl.nn.Activation activation, io.fluentdl.nn.Loss loss) {
        ModelSpec spec = Sequential.named("bad-input").input(2).dense(4, RELU, HE_UNIFORM).output(outputs, activation, loss)
                .optimizer(Sgd.of(0.01)).seed(1).build();
        return Model.of(spec);
    }

    private static Dataset data(double[][] features, double[][] labels) {
        INDArray f = Nd4j.createFromArray(features).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        INDArray l = Nd4j.createFromArray(labels).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        return Model.dataset(f, l);
    }
}
