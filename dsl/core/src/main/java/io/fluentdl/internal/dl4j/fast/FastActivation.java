package io.fluentdl.internal.dl4j.fast;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The runtime of {@link FastActivationLayer}: ReLU (DL4J's defaults) on float arrays as one Java pass forward and one
 * backward ({@link DenseKernels}). DL4J's {@code ActivationLayer} copies its input in both directions (to keep it for
 * backprop, then to compute the derivative in place) and runs libnd4j's ReLU ops: with batch norm before the ReLU,
 * four passes over 1024x512 activations per layer and step where these are two. The derivative is read from the
 * kept output, as in {@link FastDense}. Other activations and arrays take DL4J's path.
 */
public class FastActivation extends ActivationLayer {

    private INDArray keptInput;
    private INDArray keptOutput;

    public FastActivation(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        forget();
        if (!FastDense.plainRelu(layerConf().getActivationFn()) || !NativeFloats.contiguous(input)) {
            return super.activate(training, workspaceMgr);
        }
        assertInputSet(false);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, input.shape(), 'c');
        DenseKernels.relu(NativeFloats.buffer(input), NativeFloats.buffer(out), (int) input.length());
        if (training) {
            keptInput = input;
            keptOutput = out;
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray out = keptOutput;
        boolean kept = out != null && keptInput == input;
        forget();
        if (!kept || !NativeFloats.contiguous(epsilon) || epsilon.length() != out.length()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        INDArray delta = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, epsilon.shape(), 'c');
        DenseKernels.reluGradient(NativeFloats.buffer(out), NativeFloats.buffer(epsilon), NativeFloats.buffer(delta), (int) delta.length());
        return new Pair<>(new DefaultGradient(), delta);
    }

    @Override
    public void clear() {
        super.clear();
        forget();
    }

    private void forget() {
        keptInput = null;
        keptOutput = null;
    }
}
