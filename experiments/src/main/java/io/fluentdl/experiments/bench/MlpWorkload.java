package io.fluentdl.experiments.bench;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;

import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Sgd;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The benchmark's network, the Keras {@code mnist_mlp} shape 784-512-512-10 (ReLU, softmax), written
 * twice: through the DSL and by hand in raw DL4J, so that the two can be timed side by side. A unit
 * test pins that both give the same DL4J configuration.
 *
 * @param batchNorm batch norm before each hidden ReLU (Ioffe &amp; Szegedy 2015), dense bias dropped
 * @param optimizer SGD (Nesterov momentum 0.9, lr 0.01: DL4J has no classical momentum) or Adam (lr 1e-3)
 * @param batchSize examples per update
 */
public record MlpWorkload(boolean batchNorm, Optim optimizer, int batchSize) {

    /** Layer widths, input first. */
    public static final int[] SIZES = {784, 512, 512, 10};
    /** The seed of every network and shuffle in the bench: {@value}. */
    public static final long SEED = 42;
    public static final double SGD_LR = 0.01;
    public static final double SGD_MOMENTUM = 0.9;
    public static final double ADAM_LR = 1e-3;
    /** Keras' BN momentum and epsilon, as the DSL's defaults. */
    static final double BN_DECAY = 0.99;
    static final double BN_EPS = 1e-3;

    /** The two optimizers timed. */
    public enum Optim { SGD, ADAM }

    /** A short label, e.g. {@code adam-bn-b128}. */
    public String label() {
        return String.format("%s%s-b%d", optimizer.name().toLowerCase(java.util.Locale.ROOT), batchNorm ? "-bn" : "", batchSize);
    }

    /** The workload a {@link #label()} names ({@code adam-bn-b128}), or empty. */
    public static java.util.Optional<MlpWorkload> parse(String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(sgd|adam)(-bn)?-b([1-9][0-9]{0,5})")
                .matcher(label.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new MlpWorkload(m.group(2) != null, Optim.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT)),
                Integer.parseInt(m.group(3))));
    }

    /** The network through the DSL. */
    public ModelSpec dslSpec() {
        return Sequential.named("bench-mlp")
                .input(SIZES[0])
                .dense(SIZES[1], RELU, HE_UNIFORM)
                .dense(SIZES[2], RELU, HE_UNIFORM)
                .output(SIZES[3], SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .batchNormPlacement(batchNorm ? BnPlacement.BEFORE_ACTIVATION : BnPlacement.NONE)
                .optimizer(optimizer == Optim.SGD ? Sgd.of(SGD_LR).nesterov(SGD_MOMENTUM) : Adam.of(ADAM_LR))
                .seed(SEED)
                .build();
    }

    /** The same network written by hand in DL4J, as a DL4J user would. */
    public MultiLayerConfiguration rawConfiguration() {
        IUpdater updater = optimizer == Optim.SGD
                ? new Nesterovs(SGD_LR, SGD_MOMENTUM)
                : org.nd4j.linalg.learning.config.Adam.builder().learningRate(ADAM_LR).beta1(0.9).beta2(0.999).epsilon(1e-7).build();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(SEED)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .list();
        for (int i = 1; i < SIZES.length - 1; i++) {
            if (batchNorm) {
                list.layer(new DenseLayer.Builder().name("dense_" + i).nOut(SIZES[i]).activation(Activation.IDENTITY)
                        .weightInit(WeightInit.RELU_UNIFORM).biasInit(0.0).hasBias(false).build());
                list.layer(new BatchNormalization.Builder().name("batch_norm_" + i).nOut(SIZES[i]).decay(BN_DECAY).eps(BN_EPS)
                        .lockGammaBeta(false).gamma(1.0).beta(0.0).useLogStd(false).build());
                list.layer(new ActivationLayer.Builder().name("batch_norm_" + i + "_activation").activation(Activation.RELU).build());
            } else {
                list.layer(new DenseLayer.Builder().name("dense_" + i).nOut(SIZES[i]).activation(Activation.RELU)
                        .weightInit(WeightInit.RELU_UNIFORM).biasInit(0.0).hasBias(true).build());
            }
        }
        list.layer(new OutputLayer.Builder(LossFunction.MCXENT).name("output_1").nOut(SIZES[SIZES.length - 1])
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER_UNIFORM).biasInit(0.0).hasBias(true).build());
        return list.setInputType(InputType.feedForward(SIZES[0])).build();
    }
}
