package io.fluentdl.layers;

import io.fluentdl.errors.Check;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import java.util.function.UnaryOperator;

/**
 * A fully connected hidden layer: {@code activation(x·W + b)}, Keras' {@code Dense}.
 *
 * <p>Maps to DL4J: {@code DenseLayer} ({@code units} → {@code nOut}; {@code nIn} is inferred). With batch
 * norm before the activation it becomes {@code DenseLayer(identity)} + {@code BatchNormalization} +
 * {@code ActivationLayer}.
 *
 * @param name           layer name, e.g. {@code dense_1}
 * @param units          number of outputs, ≥ 1
 * @param activation     the activation
 * @param init           the weight initialiser
 * @param useBias        true/false, or null for the default (see {@link DenseOptions#useBias(boolean)})
 * @param regularization penalties on the weights
 */
public record Dense(String name, int units, Activation activation, Init init, Boolean useBias,
                    Regularization regularization) implements LayerSpec {

    /** Builds a dense layer, checking each argument at the call. */
    public static Dense of(String where, String name, int units, Activation activation, Init init,
                           UnaryOperator<DenseOptions> options) {
        Check.atLeast(where, "units", units, 1);
        io.fluentdl.errors.Limits.units(where, units);
        Check.notNull(where, "activation", activation);
        Check.notNull(where, "init", init);
        DenseOptions o = options.apply(new DenseOptions(where));
        return new Dense(o.name() != null ? o.name() : name, units, activation, init, o.useBias(), o.regularization());
    }

    /** Whether the bias is kept when batch norm comes before the activation ({@code false} unless asked). */
    public boolean biasWithBnBefore() {
        return useBias != null && useBias;
    }

    /** Whether the bias is kept otherwise ({@code true} unless asked). */
    public boolean biasOtherwise() {
        return useBias == null || useBias;
    }

    @Override
    public String kind() {
        return "Dense";
    }
}
