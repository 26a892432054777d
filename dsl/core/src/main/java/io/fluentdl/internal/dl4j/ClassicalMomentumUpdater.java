package io.fluentdl.internal.dl4j;

import java.util.Collections;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The state and step of {@link ClassicalMomentum}: one velocity per parameter.
 *
 * <p>DL4J subtracts what {@code applyUpdater} leaves in the gradient array (θ ← θ − u), so with
 * v ← φ·v − lr·g the update left there is u = −v.
 */
final class ClassicalMomentumUpdater implements GradientUpdater<ClassicalMomentum> {

    static final String VELOCITY = "V";

    private final ClassicalMomentum config;
    private INDArray velocity;

    ClassicalMomentumUpdater(ClassicalMomentum config) {
        this.config = config;
    }

    @Override
    public ClassicalMomentum getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        if (!stateMap.containsKey(VELOCITY) || stateMap.size() != 1) {
            throw new IllegalStateException(String.format(
                    "ClassicalMomentum state must hold only key '%s', got keys %s", VELOCITY, stateMap.keySet()));
        }
        velocity = stateMap.get(VELOCITY);
        if (initialize) {
            velocity.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        return Collections.singletonMap(VELOCITY, velocity);
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (initialize) {
            viewArray.assign(0);
        }
        velocity = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
        if (velocity == null) {
            throw new IllegalStateException("Could not reshape the momentum state to the gradient's shape");
        }
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (velocity == null) {
            throw new IllegalStateException("ClassicalMomentum used before its state was set");
        }
        double phi = config.currentMomentum(iteration, epoch);
        double lr = config.getLearningRate(iteration, epoch);
        INDArray g = gradient.reshape(velocity.shape());
        velocity.muli(phi).subi(g.mul(lr));   // v ← φ·v − lr·g
        g.assign(velocity).negi();            // DL4J applies θ ← θ − u, so u = −v gives θ ← θ + v
    }
}
