package io.fluentdl.internal.dl4j.fast;

import java.util.Arrays;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The runtime of {@link FastDenseLayer}: {@code a = f(x·W + b)} as DL4J's dense layer computes it, with
 * three GEMMs per training step instead of four.
 *
 * <ul>
 *   <li>The training forward pass keeps its result for backprop. DL4J's {@code BaseLayer.backpropGradient}
 *       recomputes {@code x·W + b}; we keep the output {@code a} (ReLU and identity: {@code f'(z)} is
 *       read from {@code a}, since {@code a > 0} exactly when {@code z > 0}) or a copy of {@code z}
 *       (any other activation). Both live in DL4J's activations workspace, which stays open from the
 *       forward pass to the end of backprop; backprop uses them only when its input is the very array
 *       the forward pass saw, and otherwise falls back to DL4J's own code.</li>
 *   <li>GEMMs go straight into C-order arrays, by one OpenBLAS call each ({@link DirectGemm}). DL4J's
 *       {@code INDArray.mmuli} computes into a Fortran-order temporary and copies it over, and libnd4j's
 *       {@code matmul} op costs more CPU time than the product on the step's smaller GEMMs.</li>
 *   <li>The first layer of a network returns no gradient for the network's input: training never
 *       uses it (DL4J drops it), and it is this layer's largest GEMM.</li>
 *   <li>With DL4J's default ReLU on float arrays, bias, ReLU and ReLU's derivative are Java loops
 *       ({@link DenseKernels}): each libnd4j op call costs more CPU than its work at these sizes.</li>
 * </ul>
 * Layer norm, dropout on the layer's input, weight noise and masks take DL4J's own path.
 */
public class FastDense extends DenseLayer {

    private INDArray keptInput;
    private INDArray keptOutput;
    private INDArray keptPreOutput;

    public FastDense(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        forget();
        if (stockPath()) {
            return super.activate(training, workspaceMgr);
        }
        assertInputSet(false);
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray x = input.castTo(dataType);
        checkInput(x, w, layerId());
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), x.size(0), w.size(1));
        DirectGemm.gemm(x, w, z, false, false);
        IActivation fn = layerConf().getActivationFn();
        INDArray bias = hasBias() ? getParam(DefaultParamInitializer.BIAS_KEY) : null;
        if (bias != null && plainRelu(fn) && NativeFloats.contiguous(z, bias)) {
            DenseKernels.biasRelu(NativeFloats.buffer(z), (int) z.size(0), (int) z.size(1), NativeFloats.read(bias));
            if (training) {
                keptInput = input;
                keptOutput = z;
            }
            return z;
        }
        if (bias != null) {
            z.addiRowVector(bias);
        }
        if (training && !derivativeFromOutput(fn)) {
            keptPreOutput = workspaceMgr.dup(ArrayType.ACTIVATIONS, z);
        }
        INDArray a = fn.getActivation(z, training);
        if (training) {
            keptInput = input;
            keptOutput = a;
        }
        return a;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (stockPath() || keptOutput == null || keptInput != input) {
            forget();
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        IActivation fn = layerConf().getActivationFn();
        INDArray delta;
        if (plainRelu(fn) && NativeFloats.contiguous(keptOutput, epsilon) && keptOutput.length() == epsilon.length()) {
            delta = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, keptOutput.dataType(), keptOutput.size(0), keptOutput.size(1));
            DenseKernels.reluGradient(NativeFloats.buffer(keptOutput), NativeFloats.buffer(epsilon), NativeFloats.buffer(delta),
                    (int) delta.length());
        } else {
            delta = fn.backprop(keptPreOutput != null ? keptPreOutput : keptOutput, epsilon).getFirst();
        }
        forget();
        Gradient ret = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            sumRows(delta, biasGrad);
            ret.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        DirectGemm.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false);
        ret.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        INDArray epsilonNext = null;
        if (getIndex() > 0) {
            epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(), delta.size(0), w.size(0));
            DirectGemm.gemm(delta, w, epsilonNext, false, true);
        }
        return new Pair<>(ret, epsilonNext);
    }

    /** {@code into = Σ_rows delta}: a Java loop for contiguous floats (libnd4j's reduction costs 0.3 ms at 1024x512), else libnd4j. */
    static void sumRows(INDArray delta, INDArray into) {
        if (delta.rank() == 2 && NativeFloats.contiguous(delta, into) && into.length() == delta.size(1)) {
            NativeFloats.write(into, DenseKernels.columnSums(NativeFloats.buffer(delta), (int) delta.size(0), (int) delta.size(1)));
        } else {
            delta.sum(into, 0);
        }
    }

    @Override
    public void clear() {
        super.clear();
        forget();
    }

    private void forget() {
        keptInput = null;
        keptOutput = null;
        keptPreOutput = null;
    }

    private boolean stockPath() {
        return hasLayerNorm() || layerConf().getIDropout() != null || layerConf().getWeightNoise() != null || maskArray != null;
    }

    /** DL4J's ReLU with its defaults (no cap, threshold or slope): {@link DenseKernels} computes it. */
    static boolean plainRelu(IActivation fn) {
        return new ActivationReLU().equals(fn);
    }

    /** ReLU (DL4J's defaults) and identity: f'(z) is a function of f(z), so the output is all backprop needs. */
    static boolean derivativeFromOutput(IActivation fn) {
        return fn instanceof ActivationIdentity || new ActivationReLU().equals(fn);
    }

    /** The dense layers' input check, DL4J's rule in FluentDL's words: a matrix with as many columns as W has rows. */
    static void checkInput(INDArray x, INDArray w, String layerId) {
        if (x.rank() != 2 || x.columns() != w.rows()) {
            throw new DL4JInvalidInputException(String.format(
                    "Dense layer %s: input must be a matrix with %d columns (the layer's inputs), got shape %s. "
                            + "Check the model's input size.", layerId, w.rows(), Arrays.toString(x.shape())));
        }
    }
}
