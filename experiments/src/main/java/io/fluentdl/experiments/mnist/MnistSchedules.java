package io.fluentdl.experiments.mnist;

import io.fluentdl.data.MnistData;
import io.fluentdl.experiments.ExperimentInfo;
import io.fluentdl.experiments.ResultsExperiment;
import io.fluentdl.experiments.RunContext;
import io.fluentdl.experiments.results.ExperimentOutput;
import io.fluentdl.experiments.runs.UnitRunner;
import io.fluentdl.experiments.results.Reference;
import io.fluentdl.experiments.results.DatasetInfo;
import io.fluentdl.experiments.results.Results;
import io.fluentdl.experiments.results.VariantResult;
import io.fluentdl.experiments.results.VariantSpec;
import io.fluentdl.optim.Sgd;
import io.fluentdl.schedule.Constant;
import io.fluentdl.schedule.CosineRestarts;
import io.fluentdl.schedule.Cyclical;
import io.fluentdl.schedule.LearningRate;
import io.fluentdl.schedule.LinearDecay;
import io.fluentdl.schedule.OneCycle;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.StepDecay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which learning-rate schedule trains the lecture's MNIST MLP best in the same number of epochs?
 *
 * <p>SGD with classic momentum 0.9 on {@link LectureMlp}; the rate starts from (or peaks at) the
 * lecture's 0.03 and follows, over {@code E} epochs of {@code S} mini-batches:
 * <ul>
 *   <li>constant 0.03;</li>
 *   <li>step: × 0.1 every E/3 epochs;</li>
 *   <li>linear to a floor of 0.0003 (a_0/100, Goodfellow et al. §8.3.1) over all E epochs, per mini-batch;</li>
 *   <li>triangular2 (Smith 2017) between 0.003 and 0.03, half-cycle E/10 epochs, amplitude halving each cycle;</li>
 *   <li>SGDR (Loshchilov &amp; Hutter 2016): peak 0.03, first period E/15 epochs, T_mult 2, η_min 0 (restarts at
 *       2, 6, 14 and 30 epochs of 30);</li>
 *   <li>one-cycle (Smith &amp; Topin 2017; PyTorch's defaults): peak 0.1 (about 3× the lecture's rate, since the
 *       policy needs a high peak), momentum cycling 0.95 → 0.85 → 0.95.</li>
 * </ul>
 * No published reference; the learning rate is plotted beside the curves.
 */
public final class MnistSchedules implements ResultsExperiment {

    public static final String NAME = "mnist-schedules";
    static final double BASE = LectureMlp.LEARNING_RATE;
    static final double MOMENTUM = 0.9;
    static final double ONE_CYCLE_PEAK = 0.1;

    /** A schedule to compare. */
    record Choice(String name, String description, LearningRate rate, Sgd optimizer) {
    }

    /** The schedules for {@code epochs} epochs of {@code steps} mini-batches. */
    static List<Choice> choices(int epochs, int steps) {
        long total = (long) epochs * steps;
        LearningRate constant = new Constant(BASE);
        LearningRate step = StepDecay.of(BASE, 0.1, Period.epochs(Math.max(1, epochs / 3)));
        LearningRate linear = LinearDecay.of(BASE, BASE / 100, Period.iterations(total));
        LearningRate triangular2 = Cyclical.triangular2(BASE / 10, BASE, Period.iterations(Math.max(1, total / 10)));
        // T_0 = ceil(total / 15): cycles of T_0, 2T_0, 4T_0, 8T_0 cover training exactly, with no restart
        // in the last few iterations (which flooring would leave)
        long t0 = sgdrFirstPeriod(total);
        LearningRate sgdr = CosineRestarts.peak(BASE).firstPeriod(Period.iterations(t0))
                .periodMultiplier(2.0).minLearningRate(0.0);
        OneCycle oneCycle = OneCycle.max(ONE_CYCLE_PEAK).over(Period.iterations(total));
        return List.of(
                choice("constant", String.format(Locale.ROOT, "constant %s", BASE), constant),
                choice("step", String.format(Locale.ROOT, "%s, x0.1 every %d epochs", BASE, Math.max(1, epochs / 3)), step),
                choice("linear", String.format(Locale.ROOT, "linear %s -> %s over %d iterations", BASE, BASE / 100, total), linear),
                choice("triangular2", String.format(Locale.ROOT, "triangular2 %s..%s, half-cycle %d iterations",
                        BASE / 10, BASE, Math.max(1, total / 10)), triangular2),
                choice("sgdr", String.format(Locale.ROOT, "SGDR peak %s, T_0 %d iterations, T_mult 2, min 0", BASE, t0),
                        sgdr),
                new Choice("one-cycle", String.format(Locale.ROOT,
                        "one-cycle peak %s over %d iterations (pct 0.3, div 25, final div 1e4), momentum 0.95-0.85",
                        ONE_CYCLE_PEAK, total), oneCycle, Sgd.oneCycle(oneCycle)));
    }

    /** SGDR's first period: four cycles with T_mult 2 (1 + 2 + 4 + 8 = 15 periods) span {@code total}. */
    static long sgdrFirstPeriod(long total) {
        return Math.max(1, (total + 14) / 15);
    }

    private static Choice choice(String name, String description, LearningRate rate) {
        return new Choice(name, description + String.format(Locale.ROOT, ", classic momentum %s", MOMENTUM), rate,
                Sgd.of(rate).momentum(MOMENTUM));
    }

    private static final ExperimentInfo INFO = ExperimentInfo.of(NAME,
            "Lecture MNIST MLP, SGD momentum 0.9: constant, step, linear, triangular2, SGDR, one-cycle rates.",
            MnistOptimizers.EPOCHS, 3).withSeeds(MnistMomentum.SEEDS, ExperimentInfo.DEFAULT_QUICK_SEEDS);

    @Override
    public ExperimentInfo info() {
        return INFO;
    }

    @Override
    public ExperimentOutput run(RunContext context) throws Exception {
        MnistData data = MnistRuns.lectureData(context);
        int steps = MnistRuns.stepsPerEpoch(data.train().size(), LectureMlp.BATCH_SIZE);
        UnitRunner units = MnistRuns.units(context, NAME);
        List<VariantResult> variants = new ArrayList<>();
        List<VariantSpec> specs = new ArrayList<>();
        for (Choice choice : choices(context.epochs(), steps)) {
            MnistRuns.Variant variant = new MnistRuns.Variant(choice.name(), choice.description(),
                    seed -> LectureMlp.spec(choice.name(), choice.optimizer(), false, seed));
            specs.add(MnistRuns.specOf(variant, context));
            variants.add(MnistRuns.train(variant, data, LectureMlp.BATCH_SIZE, context, units)
                    .withSchedule(MnistRuns.curve(choice.rate(), context.epochs(), steps, 1500)));
        }
        Results results = new Results(NAME, context.seeds(), context.epochs(), Reference.none(), variants)
                .withPlots(Results.LEARNING_RATE, Results.TRAIN_LOSS, Results.TEST_ERROR)
                .withDataset(DatasetInfo.of(data));
        return new ExperimentOutput(results, specs);
    }
}
