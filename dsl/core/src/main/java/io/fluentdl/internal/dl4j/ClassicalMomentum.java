package io.fluentdl.internal.dl4j;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Classical (heavy-ball, Polyak 1964) momentum, which DL4J lacks (it has only Nesterov's):
 * v ← φ·v − lr·g, θ ← θ + v.
 *
 * <p>A plain bean so DL4J's JSON (shaded Jackson, {@code @class} type property on {@link IUpdater})
 * writes and reads it with the network: saved models load with their momentum state.
 */
public final class ClassicalMomentum implements IUpdater {

    private double learningRate;
    private ISchedule learningRateSchedule;
    private double momentum;
    private ISchedule momentumSchedule;

    /** For DL4J's JSON. */
    public ClassicalMomentum() {
        this(0.01, null, 0.9, null);
    }

    public ClassicalMomentum(@JsonProperty("learningRate") double learningRate,
                             @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                             @JsonProperty("momentum") double momentum,
                             @JsonProperty("momentumSchedule") ISchedule momentumSchedule) {
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
        this.momentum = momentum;
        this.momentumSchedule = momentumSchedule;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        ClassicalMomentumUpdater u = new ClassicalMomentumUpdater(this);
        INDArray flat = viewArray.reshape(viewArray.length());
        u.setStateViewArray(flat, flat.shape(), flat.ordering(), initializeViewArray);
        return u;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        ClassicalMomentumUpdater u = new ClassicalMomentumUpdater(this);
        u.setState(updaterState, initializeStateArrays);
        return u;
    }

    @Override
    public ClassicalMomentum clone() {
        return new ClassicalMomentum(learningRate, learningRateSchedule == null ? null : learningRateSchedule.clone(),
                momentum, momentumSchedule == null ? null : momentumSchedule.clone());
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    /** φ at this step. */
    public double currentMomentum(int iteration, int epoch) {
        return momentumSchedule != null ? momentumSchedule.valueAt(iteration, epoch) : momentum;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    public double getLearningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    public void setLearningRateSchedule(ISchedule learningRateSchedule) {
        this.learningRateSchedule = learningRateSchedule;
    }

    public double getMomentum() {
        return momentum;
    }

    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    public ISchedule getMomentumSchedule() {
        return momentumSchedule;
    }

    public void setMomentumSchedule(ISchedule momentumSchedule) {
        this.momentumSchedule = momentumSchedule;
    }

    // DL4J groups parameters that share an updater by equals(): it must compare the configuration.
    @Override
    public boolean equals(Object o) {
        return o instanceof ClassicalMomentum other
                && Double.compare(learningRate, other.learningRate) == 0
                && Double.compare(momentum, other.momentum) == 0
                && Objects.equals(learningRateSchedule, other.learningRateSchedule)
                && Objects.equals(momentumSchedule, other.momentumSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, learningRateSchedule, momentum, momentumSchedule);
    }

    @Override
    public String toString() {
        return String.format("ClassicalMomentum(learningRate=%s, momentum=%s%s%s)", learningRate, momentum,
                learningRateSchedule == null ? "" : ", learningRateSchedule=" + learningRateSchedule,
                momentumSchedule == null ? "" : ", momentumSchedule=" + momentumSchedule);
    }
}
