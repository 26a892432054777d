package io.fluentdl.examples;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an example by name: {@code Examples <name> [--quick] [--data DIR] [--epochs N]}, or
 * {@code Examples list}. The launcher's {@code ./fluentdl example <name>} calls this; with Maven:
 *
 * <pre>
 * mvn -B -q -pl examples -am -DskipTests install     # once, and after changing the library
 * mvn -B -q -pl examples exec:java -Dexec.args="case-study --quick"
 * </pre>
 * Names ending in {@code -kt} run the Kotlin twin. Exit code 2 on bad usage, 1 when the example fails.
 */
public final class Examples {

    /** An example's entry point. */
    @FunctionalInterface
    public interface Main {
        void run(String[] args) throws Exception;
    }

    /** One runnable example. */
    public record Example(String name, String description, Main main) {
    }

    private static final Map<String, Example> ALL = new LinkedHashMap<>();

    static {
        add("case-study", "the BN case-study model and its summary, both placements", CaseStudyModel::main);
        add("case-study-kt", "the same in Kotlin", CaseStudyModelKotlin::main);
        add("mnist-adam", "MNIST MLP, Adam + cosine warm restarts: train, evaluate, save, load, evaluate", MnistAdamCosineRestarts::main);
        add("mnist-adam-kt", "the same in Kotlin", MnistAdamCosineRestartsKotlin::main);
        add("switch-bn-placement", "one-line BN placement switch, accuracies on make_circles", SwitchBnPlacement::main);
        add("switch-bn-placement-kt", "the same in Kotlin", SwitchBnPlacementKotlin::main);
        add("lr-range-then-train", "LR range test on the case study, then training at the suggested rate",
                LrRangeThenTrain::main);
        add("lr-range-then-train-kt", "the same in Kotlin", LrRangeThenTrainKotlin::main);
        add("random-search", "random search on log / 1-beta scales, coarse-to-fine; prints the best spec",
                RandomSearchCoarseToFine::main);
        add("random-search-kt", "the same in Kotlin", RandomSearchCoarseToFineKotlin::main);
        add("own-data", "your own CSV data (Iris, shipped): fromCsv, split, normalize, train", OwnData::main);
        add("own-data-kt", "the same in Kotlin", OwnDataKotlin::main);
        add("regression", "a regression (Friedman #1): MSE loss, metrics(MAE, RMSE, R2), yardsticks; no accuracy",
                Regression::main);
        add("regression-kt", "the same in Kotlin", RegressionKotlin::main);
        add("multi-label", "four tags per point: sigmoid + binary cross-entropy, per-label and exact-match accuracy",
                MultiLabel::main);
        add("multi-label-kt", "the same in Kotlin", MultiLabelKotlin::main);
        add("class-weights", "imbalanced circles: classWeight vs none (class-1 recall), then freeze and fine-tune",
                ClassWeightsFineTune::main);
        add("class-weights-kt", "the same in Kotlin", ClassWeightsFineTuneKotlin::main);
        add("arbiter-interop", "an Arbiter MultiLayerSpace searched by FluentDL; FluentDL's TPE and its space "
                + "(toMultiLayerSpace) run by Arbiter's runner (Java only)", ArbiterInterop::main);
        add("track-plain-dl4j", "our tracker on a network built with DL4J's own builders (Java only)",
                TrackPlainDl4j::main);
    }

    private Examples() {
    }

    private static void add(String name, String description, Main main) {
        ALL.put(name, new Example(name, description, main));
    }

    /** Every example, in the order of {@code list}. */
    public static Map<String, Example> all() {
        return ALL;
    }

    /** Runs one example with its flags; throws what the example throws. */
    public static void run(String name, String... args) throws Exception {
        example(name).main().run(args);
    }

    /** The example of this name; an {@link IllegalArgumentException} naming the known ones if there is none. */
    public static Example example(String name) {
        Example example = ALL.get(name);
        if (example == null) {
            throw new IllegalArgumentException(String.format("Unknown example '%s'. Known: %s.", name,
                    String.join(", ", ALL.keySet())));
        }
        return example;
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("list")) {
            ALL.values().forEach(e -> System.out.printf("%-24s %s%n", e.name(), e.description()));
            System.out.printf("%nUsage: Examples <name> %s%n", ExampleArgs.USAGE);
            return;
        }
        String[] flags = Arrays.copyOfRange(args, 1, args.length);
        try {
            example(args[0]);
            ExampleArgs.parse(flags);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        try {
            run(args[0], flags);
        } catch (Exception e) {
            System.err.printf("Example '%s' failed: %s%n", args[0], e.getMessage() != null ? e.getMessage() : e);
            System.exit(1);
        }
    }
}
