package io.fluentdl.internal.dl4j.fast;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The runtime of {@link FastBatchNormalization}: DL4J's batch-norm layer with its helper set to the
 * one that runs libnd4j's fused {@code batchnorm} / {@code batchnorm_bp} ops
 * ({@link MKLDNNBatchNormHelper}: despite its name it calls the ops, and libnd4j runs oneDNN only
 * where that build is loaded, else its own C++ kernels).
 *
 * <p>Why: without a helper, DL4J M2.1 runs batch norm as about twenty separate array ops per step,
 * each a pass over the activations and an allocation, and recomputes the batch mean and variance in
 * backprop. DL4J looks its helper up by a class name that M2.1 renamed, so the helper is never found
 * (DESIGN.md); the field is package-private, hence reflection. With locked gamma/beta or non-float data
 * the helper declines and DL4J's own code runs, as in {@link io.fluentdl.Engine#STOCK}.
 */
public class FastBatchNorm extends BatchNormalization {

    private static final Field HELPER = helperField();

    public FastBatchNorm(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        org.deeplearning4j.nn.conf.layers.BatchNormalization c =
                (org.deeplearning4j.nn.conf.layers.BatchNormalization) conf.getLayer();
        if (!c.isLockGammaBeta() && dataType == DataType.FLOAT) {
            try {
                HELPER.set(this, new MKLDNNBatchNormHelper(dataType));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("FastBatchNorm: cannot set DL4J's batch-norm helper", e);
            }
        }
    }

    private static Field helperField() {
        try {
            Field f = BatchNormalization.class.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("FastBatchNorm: DL4J's BatchNormalization has no 'helper' field "
                    + "(another DL4J version than 1.0.0-M2.1?); use Engine.STOCK", e);
        }
    }
}
