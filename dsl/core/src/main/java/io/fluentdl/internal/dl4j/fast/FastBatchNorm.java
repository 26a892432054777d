package io.fluentdl.internal.dl4j.fast;

import java.nio.FloatBuffer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.summarystats.Variance;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The runtime of {@link FastBatchNormalization} for dense inputs in training: batch norm folded into one
 * scale and one shift per unit, so the forward pass is two passes over the activations after the batch
 * statistics, and backprop five, from the statistics the forward pass kept.
 *
 * <p>Forward: {@code y = x·s + t} with {@code s = γ/√(σ²+ε)}, {@code t = β − μ·s}. Backprop (Ioffe &amp;
 * Szegedy 2015, eq. for ∂ℓ/∂x, regrouped): with {@code A = γ/√(σ²+ε)}, {@code ∂β = Σ ε},
 * {@code ∂γ = (Σ ε·x − μ·∂β)/√(σ²+ε)}, {@code B = −A·∂γ/(N·√(σ²+ε))}:
 * {@code ∂x = A·ε + B·x − A·∂β/N − B·μ}. DL4J M2.1 runs the textbook form as about twenty array ops,
 * each a pass and an allocation, and recomputes μ and σ² in backprop. The running statistics are
 * updated exactly as DL4J does (its "gradient" {@code (running − batch)·(1 − decay)} for a no-op updater).
 *
 * <p>Inference is the same scale and shift from the running statistics. Convolutional inputs, locked γ/β, the
 * log-std parameterisation and masks take DL4J's own path.
 */
public class FastBatchNorm extends BatchNormalization {

    private INDArray keptInput;
    private INDArray keptMean;
    private INDArray keptVar;
    private INDArray keptInvStd;
    /** The Java path's batch statistics (float, contiguous arrays): mean, variance, 1/√(σ²+ε). */
    private float[] keptMeanF;
    private float[] keptVarF;
    private float[] keptInvStdF;

    public FastBatchNorm(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        forget();
        if (stockPath(input)) {
            return super.activate(training, workspaceMgr);
        }
        assertInputSet(false);
        INDArray x = input.castTo(dataType);
        long units = x.size(1);
        if (units != layerConf().getNOut()) {
            return super.activate(training, workspaceMgr); // DL4J's own message for the wrong size
        }
        INDArray gammaParam = getParam(BatchNormalizationParamInitializer.GAMMA);
        INDArray betaParam = getParam(BatchNormalizationParamInitializer.BETA);
        if (NativeFloats.contiguous(x, gammaParam, betaParam)) {
            return activateInJava(x, gammaParam, betaParam, workspaceMgr, training);
        }
        if (!training) {
            return super.activate(false, workspaceMgr);
        }
        INDArray mean = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, units);
        INDArray var = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, units);
        x.mean(mean, 0);
        Nd4j.exec(new Variance(x, var, false, 0)); // biased, as DL4J normalises and updates its running variance
        INDArray invStd = workspaceMgr.dup(ArrayType.ACTIVATIONS, var).addi(layerConf().getEps());
        Transforms.sqrt(invStd, false).rdivi(1.0);
        INDArray scale = getParam(BatchNormalizationParamInitializer.GAMMA).reshape(units).mul(invStd);
        INDArray shift = getParam(BatchNormalizationParamInitializer.BETA).reshape(units).sub(mean.mul(scale));
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, x.size(0), units);
        Nd4j.exec(new BroadcastMulOp(x, scale, out, 1));
        out.addiRowVector(shift);
        keptInput = input;
        keptMean = mean;
        keptVar = var;
        keptInvStd = invStd;
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (keptInput == null || keptInput != input || stockPath(input)) {
            forget();
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        if (keptInvStdF != null) {
            return backpropInJava(epsilon, workspaceMgr);
        }
        INDArray x = input.castTo(dataType);
        INDArray mean = keptMean;
        INDArray var = keptVar;
        INDArray invStd = keptInvStd;
        forget();
        long n = x.size(0);
        long units = x.size(1);
        INDArray gamma = getParam(BatchNormalizationParamInitializer.GAMMA).reshape(units);
        INDArray dBeta = epsilon.sum(0);
        INDArray dGamma = epsilon.mul(x).sum(0).subi(mean.mul(dBeta)).muli(invStd);
        INDArray a = gamma.mul(invStd);
        INDArray b = a.mul(invStd).muli(dGamma).muli(-1.0 / n);
        INDArray c = a.mul(dBeta).muli(-1.0 / n).subi(b.mul(mean));
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, n, units);
        Nd4j.exec(new BroadcastMulOp(epsilon, a, dx, 1));
        INDArray bx = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, n, units);
        Nd4j.exec(new BroadcastMulOp(x, b, bx, 1));
        dx.addi(bx).addiRowVector(c);

        Gradient ret = new DefaultGradient();
        INDArray dGammaView = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
        INDArray dBetaView = gradientViews.get(BatchNormalizationParamInitializer.BETA);
        dGammaView.assign(dGamma.reshape(dGammaView.shape()));
        dBetaView.assign(dBeta.reshape(dBetaView.shape()));
        ret.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        ret.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        // DL4J's running statistics: running -= (running - batch)·(1 - decay), through a no-op updater
        double keep = 1 - layerConf().getDecay();
        INDArray dMean = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        INDArray dVar = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_VAR);
        dMean.assign(getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(units).sub(mean).reshape(dMean.shape())).muli(keep);
        dVar.assign(getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).reshape(units).sub(var).reshape(dVar.shape())).muli(keep);
        ret.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN, dMean);
        ret.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_VAR, dVar);
        return new Pair<>(ret, dx);
    }

    @Override
    public void clear() {
        super.clear();
        forget();
    }

    private void forget() {
        keptInput = null;
        keptMean = null;
        keptVar = null;
        keptInvStd = null;
        keptMeanF = null;
        keptVarF = null;
        keptInvStdF = null;
    }

    /**
     * The forward pass for float arrays, as {@link #activate} computes it with libnd4j ops, in Java: the per-unit
     * scale and shift (512 values; a libnd4j op call costs more than the work) and {@code x·s + t}.
     */
    private INDArray activateInJava(INDArray x, INDArray gammaParam, INDArray betaParam, LayerWorkspaceMgr workspaceMgr,
                                    boolean training) {
        int n = (int) x.size(0);
        int units = (int) x.size(1);
        FloatBuffer xs = NativeFloats.buffer(x);
        float[] m;
        float[] v;
        if (training) {
            m = DenseKernels.columnSums(xs, n, units);
            for (int j = 0; j < units; j++) {
                m[j] /= n;
            }
            v = BatchNormKernels.columnVariances(xs, n, units, m); // biased, as DL4J normalises and updates its running variance
        } else {
            // inference: the running statistics (DL4J's libnd4j batchnorm op computes (x − μ)/√(σ²+ε)·γ + β, same to rounding)
            m = NativeFloats.read(getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
            v = NativeFloats.read(getParam(BatchNormalizationParamInitializer.GLOBAL_VAR));
        }
        float[] gamma = NativeFloats.read(gammaParam);
        float[] beta = NativeFloats.read(betaParam);
        float eps = (float) layerConf().getEps();
        float[] invStd = new float[units];
        float[] scale = new float[units];
        float[] shift = new float[units];
        for (int j = 0; j < units; j++) {
            invStd[j] = 1.0f / (float) Math.sqrt(v[j] + eps);
            scale[j] = gamma[j] * invStd[j];
            shift[j] = beta[j] - m[j] * scale[j];
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, n, units);
        BatchNormKernels.scaleShift(xs, NativeFloats.buffer(out), n, units, scale, shift);
        if (!training) {
            return out;
        }
        keptInput = input;
        keptMeanF = m;
        keptVarF = v;
        keptInvStdF = invStd;
        return out;
    }

    /** {@link #backpropGradient}'s arithmetic in Java, its two column sums included. */
    private Pair<Gradient, INDArray> backpropInJava(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = input.castTo(dataType);
        float[] m = keptMeanF;
        float[] v = keptVarF;
        float[] invStd = keptInvStdF;
        forget();
        INDArray eps = NativeFloats.contiguous(epsilon) ? epsilon : epsilon.dup('c');
        int n = (int) x.size(0);
        int units = (int) x.size(1);
        FloatBuffer es = NativeFloats.buffer(eps);
        float[] dBeta = DenseKernels.columnSums(es, n, units);
        float[] epsX = DenseKernels.columnSumsOfProducts(es, NativeFloats.buffer(x), n, units);
        float[] gamma = NativeFloats.read(getParam(BatchNormalizationParamInitializer.GAMMA));
        float minusOneOverN = (float) (-1.0 / n);
        float[] dGamma = new float[units];
        float[] a = new float[units];
        float[] b = new float[units];
        float[] c = new float[units];
        for (int j = 0; j < units; j++) {
            dGamma[j] = (epsX[j] - m[j] * dBeta[j]) * invStd[j];
            a[j] = gamma[j] * invStd[j];
            b[j] = a[j] * invStd[j] * dGamma[j] * minusOneOverN;
            c[j] = a[j] * dBeta[j] * minusOneOverN - b[j] * m[j];
        }
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, n, units);
        BatchNormKernels.inputGradient(es, NativeFloats.buffer(x), NativeFloats.buffer(dx), n, units, a, b, c);
        // DL4J's running statistics: running -= (running - batch)·(1 - decay), through a no-op updater
        float keep = (float) (1 - layerConf().getDecay());
        float[] runningMean = NativeFloats.read(getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN));
        float[] runningVar = NativeFloats.read(getParam(BatchNormalizationParamInitializer.GLOBAL_VAR));
        for (int j = 0; j < units; j++) {
            runningMean[j] = (runningMean[j] - m[j]) * keep;
            runningVar[j] = (runningVar[j] - v[j]) * keep;
        }
        Gradient ret = new DefaultGradient();
        put(ret, BatchNormalizationParamInitializer.GAMMA, dGamma);
        put(ret, BatchNormalizationParamInitializer.BETA, dBeta);
        put(ret, BatchNormalizationParamInitializer.GLOBAL_MEAN, runningMean);
        put(ret, BatchNormalizationParamInitializer.GLOBAL_VAR, runningVar);
        return new Pair<>(ret, dx);
    }

    private void put(Gradient gradient, String key, float[] values) {
        INDArray view = gradientViews.get(key);
        if (NativeFloats.contiguous(view)) {
            NativeFloats.write(view, values);
        } else {
            view.assign(Nd4j.createFromArray(values).reshape(view.shape()));
        }
        gradient.setGradientFor(key, view);
    }

    private boolean stockPath(INDArray in) {
        return in == null || in.rank() != 2 || layerConf().isLockGammaBeta() || layerConf().isUseLogStd() || maskArray != null;
    }
}
