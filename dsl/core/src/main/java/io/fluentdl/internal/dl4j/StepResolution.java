package io.fluentdl.internal.dl4j;

import io.fluentdl.internal.dl4j.schedule.PerStepSchedule;
import io.fluentdl.schedule.Cyclical;
import io.fluentdl.schedule.LearningRate;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.Warmup;
import java.lang.reflect.Method;
import java.util.Objects;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Gives a network's learning-rate schedule the fit's steps per epoch ({@link PerStepSchedule}) when it
 * needs them: a warm-up or cyclical schedule counted in epochs. Only the schedule the spec translated
 * to (or an earlier per-step form of it) is replaced; one a callback installed is left alone.
 */
public final class StepResolution {

    private StepResolution() {
    }

    /** Whether {@code rate} moves within an epoch when it knows the epoch's length. */
    public static boolean needsSteps(LearningRate rate) {
        if (rate instanceof Warmup w) {
            return w.duration().unit() == Period.Unit.EPOCHS || needsSteps(w.after());
        }
        return rate instanceof Cyclical c && c.stepSize().unit() == Period.Unit.EPOCHS;
    }

    public static void apply(MultiLayerNetwork network, LearningRate rate, int stepsPerEpoch) {
        if (!needsSteps(rate)) {
            return;
        }
        ISchedule translated = ScheduleTranslator.toDl4j(rate);
        PerStepSchedule perStep = PerStepSchedule.of(rate, stepsPerEpoch);
        for (int i = 0; i < network.getnLayers(); i++) {
            if (network.getLayer(i).conf().getLayer() instanceof BaseLayer layer && layer.getIUpdater() != null) {
                IUpdater updater = layer.getIUpdater();
                Object current = invoke(updater, "getLearningRateSchedule");
                boolean ours = Objects.equals(current, translated)
                        || current instanceof PerStepSchedule p && p.spec().equals(rate);
                if (ours && !perStep.equals(current)) {
                    invoke(updater, "setLearningRateSchedule", perStep);
                }
            }
        }
    }

    // DL4J's updaters (Lombok @Data) and ours have these accessors, but IUpdater declares neither
    private static Object invoke(IUpdater updater, String name, Object... args) {
        try {
            Method m = args.length == 0 ? updater.getClass().getMethod(name) : updater.getClass().getMethod(name, ISchedule.class);
            return m.invoke(updater, args);
        } catch (ReflectiveOperationException e) {
            return null; // an updater without a learning-rate schedule (AdaDelta)
        }
    }
}
