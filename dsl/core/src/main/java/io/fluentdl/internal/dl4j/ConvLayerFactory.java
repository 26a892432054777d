package io.fluentdl.internal.dl4j;

import io.fluentdl.layers.Conv2D;
import io.fluentdl.layers.GlobalPooling2D;
import io.fluentdl.layers.Padding;
import io.fluentdl.layers.PoolType;
import io.fluentdl.layers.Pooling2D;
import io.fluentdl.nn.Activation;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * Builds DL4J's image layers from our specs, in DL4J's default NCHW layout. Every field that carries
 * meaning is set: kernel, stride, padding mode, bias, initialiser, and for average pooling Keras'
 * divisor (the valid pixels of a window, not the padding).
 */
final class ConvLayerFactory {

    private ConvLayerFactory() {
    }

    static ConvolutionLayer conv(Conv2D conv, Activation activation, boolean hasBias) {
        ConvolutionLayer.Builder b = new ConvolutionLayer.Builder()
                .kernelSize(conv.kernel(), conv.kernel())
                .stride(conv.stride(), conv.stride())
                .padding(0, 0)
                .convolutionMode(mode(conv.padding()))
                .name(conv.name())
                .nOut(conv.filters())
                .activation(LayerFactory.activation(activation))
                .weightInit(LayerFactory.weightInit(conv.init()))
                .biasInit(0.0)
                .hasBias(hasBias);
        LayerFactory.regularize(b, conv.regularization());
        return b.build();
    }

    static SubsamplingLayer pool(Pooling2D pool) {
        return new SubsamplingLayer.Builder(pool.type() == PoolType.MAX ? PoolingType.MAX : PoolingType.AVG)
                .kernelSize(pool.size(), pool.size())
                .stride(pool.stride(), pool.stride())
                .padding(0, 0)
                .convolutionMode(mode(pool.padding()))
                .avgPoolIncludePadInDivisor(false) // Keras averages the valid pixels of a border window
                .name(pool.name())
                .build();
    }

    static GlobalPoolingLayer globalPool(GlobalPooling2D pool) {
        return new GlobalPoolingLayer.Builder(pool.type() == PoolType.MAX ? PoolingType.MAX : PoolingType.AVG)
                .collapseDimensions(true)
                .name(pool.name())
                .build();
    }

    // Truncate, not Strict: Keras' "valid" drops the windows that would cross the border; Strict throws instead.
    static ConvolutionMode mode(Padding padding) {
        return padding == Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }
}
