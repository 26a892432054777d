package io.fluentdl.layers;

import io.fluentdl.errors.Check;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import java.util.function.UnaryOperator;

/**
 * The output layer: a dense layer with its loss, Keras' last {@code Dense} plus {@code compile(loss=...)}.
 *
 * <p>Maps to DL4J: {@code OutputLayer(nOut=units, activation, lossFunction)}; see {@link Loss} for the
 * loss names.
 *
 * @param name           layer name, {@code output_1} by default
 * @param units          number of outputs, ≥ 1 (1 for a sigmoid binary classifier)
 * @param activation     the output activation (sigmoid, softmax, linear, ...)
 * @param loss           the loss
 * @param init           the weight initialiser (Keras default glorot_uniform)
 * @param useBias        whether the layer has a bias (default true)
 * @param regularization penalties on the weights
 */
public record Output(String name, int units, Activation activation, Loss loss, Init init, boolean useBias,
                     Regularization regularization) implements LayerSpec {

    public static Output of(String where, String name, int units, Activation activation, Loss loss, Init init,
                            UnaryOperator<DenseOptions> options) {
        Check.atLeast(where, "units", units, 1);
        io.fluentdl.errors.Limits.units(where, units);
        Check.notNull(where, "activation", activation);
        Check.notNull(where, "loss", loss);
        Check.notNull(where, "init", init);
        DenseOptions o = options.apply(new DenseOptions(where));
        return new Output(o.name() != null ? o.name() : name, units, activation, loss, init,
                o.useBias() == null || o.useBias(), o.regularization());
    }

    @Override
    public String kind() {
        return "Output";
    }
}
