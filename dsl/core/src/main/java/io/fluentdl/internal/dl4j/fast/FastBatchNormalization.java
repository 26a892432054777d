package io.fluentdl.internal.dl4j.fast;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link BatchNormalization} configuration, run by {@link FastBatchNorm}. Same fields, parameters
 * and initialisation; Jackson writes it with this class name, so a saved network loads back to it.
 */
public class FastBatchNormalization extends BatchNormalization {

    /** For Jackson; made from a {@link BatchNormalization} by {@link EngineLayers}. */
    public FastBatchNormalization() {
        super();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNOutSet("FastBatchNormalization", getLayerName(), layerIndex, getNOut());
        return RuntimeLayers.wire(new FastBatchNorm(conf, networkDataType), conf, trainingListeners, layerIndex, layerParamsView,
                initializer(), initializeParams);
    }

    @Override
    public FastBatchNormalization clone() {
        return (FastBatchNormalization) super.clone();
    }

    // BatchNormalization's Lombok equals accepts any BatchNormalization: a fast and a stock layer must not be equal.
    @Override
    protected boolean canEqual(Object other) {
        return other instanceof FastBatchNormalization;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastBatchNormalization && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 3;
    }
}
