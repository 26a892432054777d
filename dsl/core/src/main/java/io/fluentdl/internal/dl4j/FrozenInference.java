package io.fluentdl.internal.dl4j;

import java.util.Collection;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A frozen layer, Keras' {@code trainable=False}: DL4J's {@link FrozenLayerWithBackprop} configuration
 * (inference-mode forward pass, gradients passed on to the layers below, no regularization), run by
 * {@link FrozenInferenceLayer}, which fixes the two things DL4J's runtime gets wrong for us.
 *
 * <p>Why this route: DL4J's {@code FrozenLayer} passes no gradient down, so it only freezes a prefix
 * ({@code TransferLearning.setFeatureExtractor} is the same); a zero learning rate (per-layer NoOp or
 * SGD(0)) still runs batch norm in training mode and moves its running statistics, and l2 or weight
 * decay still move the weights. {@code FrozenLayerWithBackprop} around a batch norm fails ("outdated
 * workspace pointer"): DL4J's BN backprop reads the batch statistics of a training-mode forward pass,
 * which an inference-mode pass never made. So the runtime computes that layer's inference-mode gradient itself.
 */
public class FrozenInference extends FrozenLayerWithBackprop {

    public FrozenInference(@JsonProperty("layer") Layer layer) {
        super(layer);
    }

    /** {@code layer} frozen, under its own name. */
    public static FrozenInference wrap(Layer layer) {
        FrozenInference frozen = new FrozenInference(layer);
        frozen.setLayerName(layer.getLayerName());
        return frozen;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                                       int layerIndex, INDArray paramsView, boolean initializeParams,
                                                       DataType networkDataType) {
        org.deeplearning4j.nn.layers.FrozenLayerWithBackprop stock = (org.deeplearning4j.nn.layers.FrozenLayerWithBackprop)
                super.instantiate(conf, listeners, layerIndex, paramsView, initializeParams, networkDataType);
        return new FrozenInferenceLayer(stock.getInsideLayer());
    }

    @Override
    public FrozenInference clone() {
        return (FrozenInference) super.clone();
    }
}
