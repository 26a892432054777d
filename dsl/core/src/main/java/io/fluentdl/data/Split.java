package io.fluentdl.data;

/**
 * A training set and a test (or validation) set, as made by {@link Dataset#split(double, long)}.
 *
 * @param train the examples to fit on
 * @param test  the held-out examples
 */
public record Split(Dataset train, Dataset test) {

    /**
     * Both sets standardised per feature with the training set's mean and standard deviation
     * (scikit-learn's {@code StandardScaler}, Keras' {@code Normalization} adapted on train): the
     * test set never informs the scaling. See {@link Normalizer}.
     */
    public Split normalize() {
        Normalizer normalizer = Normalizer.fit(train);
        return new Split(normalizer.apply(train), normalizer.apply(test));
    }
}
