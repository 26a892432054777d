package io.fluentdl.internal.dl4j.fast;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * DL4J's {@link Adam} whose updater runs libnd4j's fused {@code adam_updater} on its contiguous loop
 * ({@link ContiguousGradient}). Same fields and state; Jackson writes it with this class name.
 */
public class FastAdam extends Adam {

    /** For Jackson; made from an {@link Adam} by {@link EngineLayers}. */
    public FastAdam() {
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

    // Adam's clone makes an Adam: the network's configuration would lose the fast updater when cloned.
    @Override
    public FastAdam clone() {
        FastAdam c = new FastAdam();
        c.setLearningRate(getLearningRate());
        c.setLearningRateSchedule(getLearningRateSchedule());
        c.setBeta1(getBeta1());
        c.setBeta2(getBeta2());
        c.setEpsilon(getEpsilon());
        return c;
    }

    // Adam's Lombok equals accepts any Adam: a fast and a stock updater must not be equal.
    @Override
    protected boolean canEqual(Object other) {
        return other instanceof FastAdam;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastAdam && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 4;
    }
}
