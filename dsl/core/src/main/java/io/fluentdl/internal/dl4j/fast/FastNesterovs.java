package io.fluentdl.internal.dl4j.fast;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * DL4J's {@link Nesterovs} whose updater runs libnd4j's fused {@code nesterovs_updater} on its contiguous loop
 * ({@link ContiguousGradient}). Same fields and state; Jackson writes it with this class name.
 */
public class FastNesterovs extends Nesterovs {

    /** For Jackson; made from an {@link Nesterovs} by {@link EngineLayers}. */
    public FastNesterovs() {
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

    // Nesterovs' clone makes a Nesterovs: the network's configuration would lose the fast updater when cloned.
    @Override
    public FastNesterovs clone() {
        FastNesterovs c = new FastNesterovs();
        c.setLearningRate(getLearningRate());
        c.setLearningRateSchedule(getLearningRateSchedule());
        c.setMomentum(getMomentum());
        c.setMomentumISchedule(getMomentumISchedule());
        return c;
    }

    // Nesterovs' Lombok equals accepts any Nesterovs: a fast and a stock updater must not be equal.
    @Override
    protected boolean canEqual(Object other) {
        return other instanceof FastNesterovs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FastNesterovs && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 5;
    }
}
