package io.fluentdl.internal.dl4j;

import java.util.Locale;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInitDistribution;

/** One-line descriptions of DL4J layer configurations for the summary's "DL4J layers" column. */
public final class Describe {

    private Describe() {
    }

    /** What {@code flatten()} became: no layer, a reshape before the next one. */
    public static final String FLATTEN = "CnnToFeedForwardPreProcessor (order c, h, w)";

    public static String of(Layer layer) {
        if (layer instanceof FrozenInference frozen) {
            return String.format("Frozen %s", of(frozen.getUnderlying()));
        }
        if (layer instanceof ConvolutionLayer c) {
            return String.format("ConvolutionLayer(%dx%d, stride %d, %s, %s%s, %s)", c.getKernelSize()[0], c.getKernelSize()[1],
                    c.getStride()[0], c.getConvolutionMode(), act(c.getActivationFn()), c.hasBias() ? "" : ", no bias",
                    init(c.getWeightInitFn()));
        }
        if (layer instanceof SubsamplingLayer p) {
            return String.format("SubsamplingLayer(%s %dx%d, stride %d, %s)", p.getPoolingType(), p.getKernelSize()[0],
                    p.getKernelSize()[1], p.getStride()[0], p.getConvolutionMode());
        }
        if (layer instanceof GlobalPoolingLayer g) {
            return String.format("GlobalPoolingLayer(%s)", g.getPoolingType());
        }
        if (layer instanceof OutputLayer o) {
            return String.format("OutputLayer(%s, %s)", act(o.getActivationFn()), o.getLossFn().getClass().getSimpleName()
                    .replace("Loss", "").toUpperCase(Locale.ROOT));
        }
        if (layer instanceof DenseLayer d) {
            return String.format("DenseLayer(%s%s, %s)", act(d.getActivationFn()), d.hasBias() ? "" : ", no bias",
                    init(d.getWeightInitFn()));
        }
        if (layer instanceof BatchNormalization bn) {
            return String.format("BatchNormalization(decay=%s, eps=%s%s)", bn.getDecay(), bn.getEps(),
                    bn.isLockGammaBeta() ? ", gamma/beta fixed" : "");
        }
        if (layer instanceof ActivationLayer a) {
            return String.format("ActivationLayer(%s)", act(a.getActivationFn()));
        }
        if (layer instanceof DropoutLayer d) {
            return String.format("DropoutLayer(retain=%s)", d.getIDropout() == null ? "1.0"
                    : ((org.deeplearning4j.nn.conf.dropout.Dropout) d.getIDropout()).getP());
        }
        return layer.getClass().getSimpleName();
    }

    private static String act(Object activationFn) {
        return activationFn.toString().toLowerCase(Locale.ROOT);
    }

    private static String init(Object weightInit) {
        if (weightInit instanceof WeightInitDistribution) {
            return "Distribution"; // DL4J keeps the distribution private; the spec column shows it
        }
        return weightInit.getClass().getSimpleName().replace("WeightInit", "");
    }
}
