package io.fluentdl.layers;

import io.fluentdl.errors.InvalidConfigException;

/**
 * Dropout with Keras' meaning: {@code rate} is the fraction of inputs to DROP during training
 * (inverted dropout: the kept ones are scaled by 1/(1 − rate), so inference needs no scaling).
 *
 * <p>Maps to DL4J: {@code DropoutLayer} with DL4J's <em>retain</em> probability {@code 1 − rate} — the
 * one place where the inversion happens ({@link #retainProbability()}).
 *
 * @param name layer name, {@code dropout_1} by default
 * @param rate fraction to drop, in [0, 1)
 */
public record Dropout(String name, double rate) implements LayerSpec {

    public Dropout {
        if (!(rate >= 0 && rate < 1)) {
            throw InvalidConfigException.of(String.format("Dropout '%s'", name), "rate", rate,
                    String.format("rate is the fraction to DROP and must be in [0, 1), got rate=%s", rate), "");
        }
    }

    /** DL4J's parameter: the probability to keep an input. */
    public double retainProbability() {
        return 1.0 - rate;
    }

    @Override
    public String kind() {
        return "Dropout";
    }
}
