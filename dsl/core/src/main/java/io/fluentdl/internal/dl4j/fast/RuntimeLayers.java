package io.fluentdl.internal.dl4j.fast;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The wiring every DL4J layer configuration does in {@code instantiate} (DL4J's own layers repeat it):
 * listeners, index, the parameter view and the parameters initialised into it, the configuration.
 */
final class RuntimeLayers {

    private RuntimeLayers() {
    }

    static <L extends Layer> L wire(L layer, NeuralNetConfiguration conf, Collection<TrainingListener> listeners,
                                    int index, INDArray paramsView, ParamInitializer initializer,
                                    boolean initializeParams) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer.init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }
}
