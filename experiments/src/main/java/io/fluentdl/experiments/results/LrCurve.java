package io.fluentdl.experiments.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A learning rate over training, as its schedule's formula gives it, for plotting beside the curves.
 *
 * @param epoch        the time of each point in epochs (fractional: iteration / iterations per epoch)
 * @param learningRate the rate at that time
 */
@JsonPropertyOrder({"epoch", "learningRate"})
public record LrCurve(List<Double> epoch, List<Double> learningRate) {

    public LrCurve {
        epoch = List.copyOf(epoch);
        learningRate = List.copyOf(learningRate);
        if (epoch.size() != learningRate.size()) {
            throw new IllegalArgumentException(String.format(
                    "LrCurve: needs one rate per time, got epoch=%d, learningRate=%d", epoch.size(), learningRate.size()));
        }
    }
}
