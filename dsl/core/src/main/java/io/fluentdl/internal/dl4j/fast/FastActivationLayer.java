package io.fluentdl.internal.dl4j.fast;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link ActivationLayer} configuration (the activation after batch norm), run by {@link FastActivation}.
 * Same fields; Jackson writes it with this class name, so a saved network loads back to it.
 */
public class FastActivationLayer extends ActivationLayer {

    /** For Jackson; made from an {@link ActivationLayer} by {@link EngineLayers}. */
    public FastActivationLayer() {
        super();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        return RuntimeLayers.wire(new FastActivation(conf, networkDataType), conf, trainingListeners, layerIndex, layerParamsView,
                initializer(), initializeParams);
    }

    // ActivationLayer's Lombok equals accepts any ActivationLayer: a fast and a stock layer must not be equal.
    @Override
    protected boolean canEqual(Object other) {
        return other instanceof FastActivationLayer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastActivationLayer && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 3;
    }
}
