package io.fluentdl.internal.dl4j.fast;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link DenseLayer} configuration, run by {@link FastDense}. Same fields, parameters and
 * initialisation; Jackson writes it with this class name, so a saved network loads back to it.
 */
public class FastDenseLayer extends DenseLayer {

    /** For Jackson; made from a {@link DenseLayer} by {@link EngineLayers}. */
    public FastDenseLayer() {
        super();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FastDenseLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        return RuntimeLayers.wire(new FastDense(conf, networkDataType), conf, trainingListeners, layerIndex, layerParamsView,
                initializer(), initializeParams);
    }

    // DenseLayer's Lombok equals accepts any DenseLayer: a fast and a stock layer must not be equal.
    @Override
    protected boolean canEqual(Object other) {
        return other instanceof FastDenseLayer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastDenseLayer && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 1;
    }
}
