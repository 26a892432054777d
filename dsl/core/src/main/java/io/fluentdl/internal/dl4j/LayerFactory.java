package io.fluentdl.internal.dl4j;

import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.Dense;
import io.fluentdl.layers.Dropout;
import io.fluentdl.layers.Output;
import io.fluentdl.layers.Regularization;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Init;
import io.fluentdl.nn.Loss;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds single DL4J layer configurations from our specs, setting every field that carries meaning,
 * so no DL4J global default leaks in. The vocabulary changes here: units → nOut, dropout rate →
 * retain probability, Keras L2 λ → DL4J l2 2λ, BN momentum → decay.
 */
public final class LayerFactory {

    private LayerFactory() {
    }

    static DenseLayer dense(Dense dense, Activation activation, boolean hasBias) {
        DenseLayer.Builder b = new DenseLayer.Builder()
                .name(dense.name())
                .nOut(dense.units())
                .activation(activation(activation))
                .weightInit(weightInit(dense.init()))
                .biasInit(0.0)
                .hasBias(hasBias);
        regularize(b, dense.regularization());
        return b.build();
    }

    static OutputLayer output(Output out) {
        OutputLayer.Builder b = new OutputLayer.Builder(loss(out.loss()))
                .name(out.name())
                .nOut(out.units())
                .activation(activation(out.activation()))
                .weightInit(weightInit(out.init()))
                .biasInit(0.0)
                .hasBias(out.useBias());
        regularize(b, out.regularization());
        return b.build();
    }

    static BatchNormalization batchNorm(BatchNorm bn, long size) {
        return new BatchNormalization.Builder()
                .name(bn.name())
                .nOut(size)
                .decay(bn.momentum())         // DL4J's "decay" is Keras' momentum
                .eps(bn.epsilon())
                .lockGammaBeta(!bn.center())  // center == scale is enforced: DL4J locks both together
                .gamma(1.0)
                .beta(0.0)
                .useLogStd(false)             // store the running variance as variance (DL4J's builder default: log10 std)
                .build();
    }

    static DropoutLayer dropout(Dropout dropout) {
        return new DropoutLayer.Builder(dropout.retainProbability()).name(dropout.name()).build();
    }

    static org.deeplearning4j.nn.conf.layers.ActivationLayer activation(String name, Activation activation) {
        return new org.deeplearning4j.nn.conf.layers.ActivationLayer.Builder()
                .name(name)
                .activation(activation(activation))
                .build();
    }

    static void regularize(BaseLayer.Builder<?> b, Regularization r) {
        b.l1(r.l1());
        b.l2(2 * r.l2()); // Keras' l2(λ) adds λ·Σw² to the loss; DL4J's l2(x) adds ½·x·Σw²
        if (r.weightDecay() > 0) {
            b.weightDecay(r.weightDecay(), true);
        }
    }

    public static org.nd4j.linalg.activations.Activation activation(Activation a) {
        return switch (a) {
            case RELU -> org.nd4j.linalg.activations.Activation.RELU;
            case SIGMOID -> org.nd4j.linalg.activations.Activation.SIGMOID;
            case TANH -> org.nd4j.linalg.activations.Activation.TANH;
            case SOFTMAX -> org.nd4j.linalg.activations.Activation.SOFTMAX;
            case IDENTITY -> org.nd4j.linalg.activations.Activation.IDENTITY;
            case ELU -> org.nd4j.linalg.activations.Activation.ELU;
            case SELU -> org.nd4j.linalg.activations.Activation.SELU;
            case LEAKY_RELU -> org.nd4j.linalg.activations.Activation.LEAKYRELU;
            case SOFTPLUS -> org.nd4j.linalg.activations.Activation.SOFTPLUS;
            case SOFTSIGN -> org.nd4j.linalg.activations.Activation.SOFTSIGN;
            case HARD_SIGMOID -> org.nd4j.linalg.activations.Activation.HARDSIGMOID;
            case SWISH -> org.nd4j.linalg.activations.Activation.SWISH;
            case GELU -> org.nd4j.linalg.activations.Activation.GELU;
        };
    }

    public static LossFunctions.LossFunction loss(Loss loss) {
        return switch (loss) {
            case BINARY_CROSSENTROPY -> LossFunctions.LossFunction.XENT;
            case CATEGORICAL_CROSSENTROPY -> LossFunctions.LossFunction.MCXENT;
            case SPARSE_CATEGORICAL_CROSSENTROPY -> LossFunctions.LossFunction.SPARSE_MCXENT;
            case MSE -> LossFunctions.LossFunction.MSE;
            case MAE -> LossFunctions.LossFunction.L1;
            case HINGE -> LossFunctions.LossFunction.HINGE;
            case KL_DIVERGENCE -> LossFunctions.LossFunction.KL_DIVERGENCE;
            case POISSON -> LossFunctions.LossFunction.POISSON;
        };
    }

    public static IWeightInit weightInit(Init init) {
        return switch (init.name()) {
            case "he_uniform" -> WeightInit.RELU_UNIFORM.getWeightInitFunction();
            case "he_normal" -> WeightInit.RELU.getWeightInitFunction();
            case "glorot_uniform" -> WeightInit.XAVIER_UNIFORM.getWeightInitFunction();
            case "glorot_normal" -> WeightInit.XAVIER.getWeightInitFunction();
            case "lecun_uniform" -> WeightInit.LECUN_UNIFORM.getWeightInitFunction();
            case "lecun_normal" -> WeightInit.LECUN_NORMAL.getWeightInitFunction();
            case "zeros" -> WeightInit.ZERO.getWeightInitFunction();
            case "ones" -> WeightInit.ONES.getWeightInitFunction();
            case "uniform" -> new WeightInitDistribution(new UniformDistribution(init.a(), init.b()));
            case "normal" -> new WeightInitDistribution(new NormalDistribution(init.a(), init.b()));
            default -> throw new IllegalArgumentException(String.format("No DL4J weight init for '%s'", init));
        };
    }

}
