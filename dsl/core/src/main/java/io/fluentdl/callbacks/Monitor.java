package io.fluentdl.callbacks;

import io.fluentdl.errors.Check;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.Metric;

/**
 * The "has it improved?" rule shared by the callbacks, Keras' {@code monitor_op}: with mode MIN an
 * epoch improves when {@code current < best − minDelta}; with MAX when {@code current > best + minDelta}.
 * A NaN value never improves (a diverged loss is not progress).
 */
record Monitor(String where, Metric metric, Mode mode, double minDelta) {

    Monitor {
        Check.notNull(where, "monitor", metric);
        Check.notNull(where, "mode", mode);
        Check.nonNegative(where, "minDelta", minDelta);
        if (mode == Mode.AUTO) {
            mode = metric.largerIsBetter() ? Mode.MAX : Mode.MIN;
        }
    }

    /** The best value before any epoch: +inf when minimising, −inf when maximising. */
    double worst() {
        return mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    boolean improves(double current, double best) {
        return mode == Mode.MIN ? current < best - minDelta : current > best + minDelta;
    }

    /** The monitored value; fails when a validation metric is watched but fit got no validation data. */
    double read(EpochMetrics metrics) {
        if (metric.needsValidation() && !metrics.hasValidation()) {
            throw InvalidConfigException.of(where, "monitor", metric,
                    String.format("monitor=%s needs validation data, got none at epoch %d (%s is NaN)",
                            metric, metrics.epoch(), metric),
                    String.format("Pass validation data to fit(train, epochs, batchSize, validation, ...), or monitor %s",
                            metric == Metric.VAL_LOSS ? Metric.LOSS : Metric.ACCURACY));
        }
        return metric.of(metrics);
    }
}
