package io.fluentdl.search;

import java.util.Map;

/** A known function of the parameters with "epochs", standing in for training. */
final class Synthetic {

    static final Hp<Double> LR = Hp.logUniform("learningRate", 1e-4, 1);
    static final Hp<Integer> UNITS = Hp.intRange("units", 16, 256);
    static final Hp<Double> DROPOUT = Hp.uniform("dropout", 0, 0.5);
    static final int EPOCHS = 9;

    private Synthetic() {
    }

    /** The model is the parameter map; dropout does not matter. */
    static SearchSpace<Map<String, Object>> space() {
        return SearchSpace.named("synthetic").params(LR, UNITS, DROPOUT).model(Trial::params);
    }

    /** Final accuracy-like quality: best at lr = 1e-2 and units = 128, in (-inf, 1]. */
    static double quality(double lr, int units) {
        double a = Math.log10(lr) + 2;
        double b = (units - 128) / 256.0;
        return 1 - a * a / 4 - b * b;
    }

    /** Learning curve: approaches quality as epochs pass. */
    static double at(double quality, int epoch) {
        return quality * (1 - Math.exp(-epoch / 2.0));
    }

    /** Trains for {@link #EPOCHS} "epochs", reporting each; maximize. */
    static TrialObjective<Map<String, Object>> objective() {
        return (model, trial, reporter) -> {
            double q = quality(trial.get(LR), trial.get(UNITS));
            for (int e = 1; e <= EPOCHS; e++) {
                reporter.report(e, at(q, e));
            }
            return at(q, EPOCHS);
        };
    }
}
