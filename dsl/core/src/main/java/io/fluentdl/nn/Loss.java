package io.fluentdl.nn;

/**
 * Loss functions, by their Keras names.
 *
 * <p>Maps to DL4J: {@code LossFunctions.LossFunction}: binary_crossentropy → XENT,
 * categorical_crossentropy → MCXENT, sparse_categorical_crossentropy → SPARSE_MCXENT, mse → MSE,
 * mae → L1 (mean absolute error), hinge → HINGE, kl_divergence → KL_DIVERGENCE, poisson → POISSON.
 * DL4J sums XENT over output units where Keras averages them; with one sigmoid unit they agree.
 */
public enum Loss {
    BINARY_CROSSENTROPY("binary_crossentropy"),
    CATEGORICAL_CROSSENTROPY("categorical_crossentropy"),
    SPARSE_CATEGORICAL_CROSSENTROPY("sparse_categorical_crossentropy"),
    MSE("mean_squared_error"),
    MAE("mean_absolute_error"),
    HINGE("hinge"),
    KL_DIVERGENCE("kl_divergence"),
    POISSON("poisson");

    private final String kerasName;

    Loss(String kerasName) {
        this.kerasName = kerasName;
    }

    public String kerasName() {
        return kerasName;
    }
}
