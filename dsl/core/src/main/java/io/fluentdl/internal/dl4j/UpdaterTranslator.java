package io.fluentdl.internal.dl4j;

import io.fluentdl.optim.AdaDelta;
import io.fluentdl.optim.AdaGrad;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.MomentumSchedule;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.optim.RmsProp;
import io.fluentdl.optim.Sgd;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Our optimizers to DL4J updaters, setting every field (DL4J's defaults differ from Keras').
 * With a schedule, DL4J's fixed-rate field keeps our initial rate rather than NaN, so the
 * configuration stays printable and comparable.
 */
public final class UpdaterTranslator {

    private UpdaterTranslator() {
    }

    public static IUpdater toDl4j(Optimizer optimizer) {
        double lr = optimizer.learningRate().initial();
        ISchedule schedule = ScheduleTranslator.toDl4j(optimizer.learningRate());
        if (optimizer instanceof Sgd sgd) {
            return switch (sgd.kind()) {
                case NONE -> org.nd4j.linalg.learning.config.Sgd.builder()
                        .learningRate(lr).learningRateSchedule(schedule).build();
                case CLASSICAL -> new ClassicalMomentum(lr, schedule, sgd.momentum(), momentumSchedule(sgd));
                case NESTEROV -> Nesterovs.builder().learningRate(lr).learningRateSchedule(schedule)
                        .momentum(sgd.momentum()).momentumISchedule(momentumSchedule(sgd)).build();
            };
        } else if (optimizer instanceof Adam adam) {
            return switch (adam.variant()) {
                case ADAM -> org.nd4j.linalg.learning.config.Adam.builder().learningRate(lr).learningRateSchedule(schedule)
                        .beta1(adam.beta1()).beta2(adam.beta2()).epsilon(adam.epsilon()).build();
                case ADAMAX -> adaMax(lr, schedule, adam);
                case NADAM -> Nadam.builder().learningRate(lr).learningRateSchedule(schedule)
                        .beta1(adam.beta1()).beta2(adam.beta2()).epsilon(adam.epsilon()).build();
                case AMSGRAD -> AMSGrad.builder().learningRate(lr).learningRateSchedule(schedule)
                        .beta1(adam.beta1()).beta2(adam.beta2()).epsilon(adam.epsilon()).build();
            };
        } else if (optimizer instanceof RmsProp rms) {
            return org.nd4j.linalg.learning.config.RmsProp.builder().learningRate(lr).learningRateSchedule(schedule)
                    .rmsDecay(rms.rho()).epsilon(rms.epsilon()).build();
        } else if (optimizer instanceof AdaGrad ada) {
            return org.nd4j.linalg.learning.config.AdaGrad.builder().learningRate(lr).learningRateSchedule(schedule)
                    .epsilon(ada.epsilon()).build();
        } else if (optimizer instanceof AdaDelta delta) {
            return org.nd4j.linalg.learning.config.AdaDelta.builder().rho(delta.rho()).epsilon(delta.epsilon()).build();
        }
        throw new IllegalArgumentException(String.format("No DL4J updater for optimizer %s", optimizer));
    }

    // With a schedule, DL4J's fixed momentum field keeps the value at step 0 (as the rate does).
    private static ISchedule momentumSchedule(Sgd sgd) {
        MomentumSchedule m = sgd.momentumSchedule();
        if (m == null) {
            return null;
        }
        if (m instanceof MomentumSchedule.OneCycleMomentum cycle) {
            return ScheduleTranslator.momentumToDl4j(cycle.cycle());
        }
        return ScheduleTranslator.toSchedule(((MomentumSchedule.Values) m).values());
    }

    // AdaMax is the one DL4J updater without a builder.
    private static AdaMax adaMax(double lr, ISchedule schedule, Adam adam) {
        AdaMax a = new AdaMax(lr, adam.beta1(), adam.beta2(), adam.epsilon());
        a.setLearningRateSchedule(schedule);
        return a;
    }
}
