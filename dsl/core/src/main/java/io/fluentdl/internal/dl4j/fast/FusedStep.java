package io.fluentdl.internal.dl4j.fast;

import java.lang.reflect.Field;
import java.nio.FloatBuffer;
import java.util.List;
import org.deeplearning4j.nn.api.Trainable;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.optimize.api.ConvexOptimizer;
import org.deeplearning4j.optimize.api.StepFunction;
import org.deeplearning4j.optimize.solvers.BaseOptimizer;
import org.deeplearning4j.optimize.solvers.StochasticGradientDescent;
import org.deeplearning4j.optimize.stepfunctions.NegativeGradientStepFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.NesterovsUpdater;
import org.nd4j.linalg.learning.NoOpUpdater;
import org.nd4j.linalg.learning.SgdUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * The whole optimizer step of a FAST network in one Java pass per updater block ({@link UpdateKernels}): DL4J's
 * {@code StochasticGradientDescent} runs the updater (divide by the batch size, then the optimizer's op) and then
 * its step function ({@code params -= update}), three passes over every parameter.
 *
 * <p>DL4J M2.1 has no setting for the step function (its configuration maps only its own four classes), so
 * {@link #install} puts {@link Fused} into the network's optimizer by reflection; it subtracts the update as
 * DL4J's does, except after an update whose step {@link SameViewUpdater} already took. The updater takes the step
 * only when {@link #installedOn} finds that function on the network's current optimizer (so the update is never
 * subtracted twice) and every block is one this class runs: SGD, Nesterov momentum, Adam or no updater, without
 * regularization or gradient normalization, on float arrays. Anything else takes DL4J's path, unchanged.
 */
final class FusedStep {

    /**
     * Blocks of this many parameters or more are stepped in two halves on two threads (with 2 GEMM threads): the pass
     * is bound by memory bandwidth (16 MB read and written for the bench MLP's 670k parameters with Nesterov, 0.76 ms
     * on one core of the bench machine), which one core does not saturate.
     */
    static final int SPLIT_MIN_LENGTH = 1 << 16;

    /** {@code BaseOptimizer.stepFunction}, or null where this DL4J has no such field. */
    private static final Field STEP_FUNCTION = stepFunctionField();

    private FusedStep() {
    }

    private static Field stepFunctionField() {
        try {
            Field f = BaseOptimizer.class.getDeclaredField("stepFunction");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Gives the network's SGD optimizer the {@link Fused} step function; false where it cannot (then nothing changes). */
    static boolean install(MultiLayerNetwork network) {
        ConvexOptimizer optimizer = network.getOptimizer();
        if (STEP_FUNCTION == null || !(optimizer instanceof StochasticGradientDescent)) {
            return false;
        }
        StepFunction current = optimizer.getStepFunction();
        if (current instanceof Fused) {
            return true;
        }
        if (current == null || current.getClass() != NegativeGradientStepFunction.class) {
            return false;
        }
        try {
            STEP_FUNCTION.set(optimizer, new Fused());
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    /** The {@link Fused} step function that will run after this update, or null (another one, or gradient sharing). */
    static Fused installedOn(MultiLayerNetwork network) {
        ConvexOptimizer optimizer = network.getOptimizer();
        return optimizer != null && optimizer.getGradientsAccumulator() == null && optimizer.getStepFunction() instanceof Fused f ? f : null;
    }

    /**
     * Runs every block's whole step over the network's flattened parameters, gradients and optimizer state, or
     * nothing and returns false when a block needs DL4J's path.
     */
    static boolean apply(List<UpdaterBlock> blocks, INDArray params, INDArray gradients, INDArray state, int iteration, int epoch,
                         int batchSize, boolean miniBatch) {
        if (!NativeFloats.contiguous(params, gradients) || params.length() != gradients.length()
                || (state != null && !NativeFloats.contiguous(state))) {
            return false;
        }
        for (UpdaterBlock block : blocks) {
            if (!runs(block)) {
                return false;
            }
        }
        FloatBuffer p = NativeFloats.buffer(params);
        FloatBuffer g = NativeFloats.buffer(gradients);
        FloatBuffer s = state == null ? null : NativeFloats.buffer(state);
        for (UpdaterBlock block : blocks) {
            int divisor = miniBatch && divides(block) ? batchSize : 1;
            int length = block.getParamOffsetEnd() - block.getParamOffsetStart();
            int half = length / 2 / 16 * 16;
            boolean split = DirectGemm.canSplit() && length >= SPLIT_MIN_LENGTH
                    && GemmWorker.runPair(() -> step(block, p, g, s, iteration, epoch, divisor, 0, half),
                            () -> step(block, p, g, s, iteration, epoch, divisor, half, length - half));
            if (!split) {
                step(block, p, g, s, iteration, epoch, divisor, 0, length);
            }
        }
        return true;
    }

    /** The step of the block's parameters {@code from} to {@code from + count}. */
    private static void step(UpdaterBlock block, FloatBuffer p, FloatBuffer g, FloatBuffer s, int iteration, int epoch, int divisor,
                             int from, int count) {
        int blockLength = block.getParamOffsetEnd() - block.getParamOffsetStart();
        int at = block.getParamOffsetStart() + from;
        int length = count;
        int state = block.getUpdaterViewOffsetStart() + from;
        GradientUpdater<?> updater = block.getGradientUpdater();
        if (updater instanceof FastAdamUpdater adam) {
            Adam config = adam.getConfig();
            UpdateKernels.adam(g, s, s, p, at, state, state + blockLength, length, divisor, (float) config.getBeta1(),
                    (float) config.getBeta2(), (float) config.getEpsilon(), FastAdamUpdater.stepSize(config, iteration, epoch));
        } else if (updater instanceof NesterovsUpdater nesterov) {
            UpdateKernels.nesterov(g, s, p, at, state, length, divisor, (float) nesterov.getConfig().getLearningRate(iteration, epoch),
                    (float) nesterov.getConfig().currentMomentum(iteration, epoch));
        } else if (updater instanceof SgdUpdater sgd) {
            UpdateKernels.sgd(g, p, at, length, divisor, (float) sgd.getConfig().getLearningRate(iteration, epoch));
        } else {
            UpdateKernels.noOp(g, p, at, length, divisor);
        }
    }

    /** Whether {@link #step} computes this block as DL4J would. */
    private static boolean runs(UpdaterBlock block) {
        if (block.getGradientUpdater() == null) {
            block.init();
        }
        GradientUpdater<?> updater = block.getGradientUpdater();
        Class<?> type = updater.getClass();
        int length = block.getParamOffsetEnd() - block.getParamOffsetStart();
        int stateLength = block.getUpdaterViewOffsetEnd() - block.getUpdaterViewOffsetStart();
        boolean knownUpdater = (type == FastAdamUpdater.class && stateLength == 2 * length)
                || (type == NesterovsUpdater.class && stateLength == length)
                || ((type == SgdUpdater.class || type == NoOpUpdater.class) && stateLength == 0);
        if (!knownUpdater || block.skipDueToPretrainConfig(false) || block.getLayersAndVariablesInBlock().isEmpty()) {
            return false;
        }
        boolean divides = divides(block);
        for (UpdaterBlock.ParamState p : block.getLayersAndVariablesInBlock()) {
            Trainable layer = p.getLayer();
            List<Regularization> regularization = layer.getConfig().getRegularizationByParam(p.getParamName());
            GradientNormalization normalization = layer.getConfig().getGradientNormalization();
            if ((regularization != null && !regularization.isEmpty())
                    || (normalization != null && normalization != GradientNormalization.None)
                    || layer.updaterDivideByMinibatch(p.getParamName()) != divides) {
                return false;
            }
        }
        return true;
    }

    /** Whether DL4J divides this block's gradients by the batch size (all of a block's parameters alike, else {@link #runs} refuses it). */
    private static boolean divides(UpdaterBlock block) {
        UpdaterBlock.ParamState first = block.getLayersAndVariablesInBlock().get(0);
        return first.getLayer().updaterDivideByMinibatch(first.getParamName());
    }

    /**
     * DL4J's {@code NegativeGradientStepFunction} ({@code params -= update}), which skips the one update whose step
     * {@link SameViewUpdater} took already.
     */
    static final class Fused implements StepFunction {

        private transient INDArray taken;
        private long skipped;

        /** The next step with this update (the same memory) is already done. */
        void taken(INDArray update) {
            taken = update;
        }

        /** How many steps the updater took in its pass (this function skipped), since it was installed. */
        long fusedSteps() {
            return skipped;
        }

        @Override
        public void step(INDArray x, INDArray line, double step) {
            step(x, line);
        }

        @Override
        public void step(INDArray x, INDArray line) {
            INDArray done = taken;
            taken = null;
            if (done != null && SameViewUpdater.sameMemory(line, done)) {
                skipped++;
                return;
            }
            x.subi(line);
        }

        @Override
        public void step() {
        }
    }
}
