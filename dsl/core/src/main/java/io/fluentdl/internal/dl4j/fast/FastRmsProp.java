package io.fluentdl.internal.dl4j.fast;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * DL4J's {@link RmsProp} whose updater runs libnd4j's fused {@code rms_prop_updater} on its contiguous loop
 * ({@link ContiguousGradient}). Same fields and state; Jackson writes it with this class name.
 */
public class FastRmsProp extends RmsProp {

    /** For Jackson; made from an {@link RmsProp} by {@link EngineLayers}. */
    public FastRmsProp() {
        super();
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        return new ContiguousGradient<>(super.instantiate(viewArray, initializeViewArray));
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        return new ContiguousGradient<>(super.instantiate(updaterState, initializeStateArrays));
    }

    // RmsProp's clone makes an RmsProp: the network's configuration would lose the fast updater when cloned.
    @Override
    public FastRmsProp clone() {
        FastRmsProp c = new FastRmsProp();
        c.setLearningRate(getLearningRate());
        c.setLearningRateSchedule(getLearningRateSchedule());
        c.setRmsDecay(getRmsDecay());
        c.setEpsilon(getEpsilon());
        return c;
    }

    // RmsProp's Lombok equals accepts any RmsProp: a fast and a stock updater must not be equal.
    @Override
    protected boolean canEqual(Object other) {
        return other instanceof FastRmsProp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastRmsProp && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 6;
    }
}
