package io.fluentdl.internal.dl4j.fast;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link OutputLayer} configuration, run by {@link FastOutput}. Same fields, parameters and
 * initialisation; Jackson writes it with this class name, so a saved network loads back to it.
 */
public class FastOutputLayer extends OutputLayer {

    /** For Jackson; made from an {@link OutputLayer} by {@link EngineLayers}. */
    public FastOutputLayer() {
        super();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FastOutputLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        return RuntimeLayers.wire(new FastOutput(conf, networkDataType), conf, trainingListeners, layerIndex, layerParamsView,
                initializer(), initializeParams);
    }

    // OutputLayer's Lombok equals accepts any OutputLayer: a fast and a stock layer must not be equal.
    @Override
    protected boolean canEqual(Object other) {
        return other instanceof FastOutputLayer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastOutputLayer && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 2;
    }
}
