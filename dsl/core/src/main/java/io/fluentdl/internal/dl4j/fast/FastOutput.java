package io.fluentdl.internal.dl4j.fast;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The runtime of {@link FastOutputLayer}. In a training step DL4J M2.1 computes the output layer's
 * {@code x·W + b} twice: in {@code backpropGradient} and again in {@code computeScore}, which
 * {@code MultiLayerNetwork} calls right after backprop. Here backprop computes the loss from the same
 * pre-activation and {@code computeScore} returns it when nothing changed in between (same input and
 * labels arrays). The gradient with respect to the input goes straight into a C-order array (no
 * temporary and copy), and the first layer of a network returns none (see {@link FastDense}).
 * Dropout, weight noise and masks take DL4J's own path; a mask weighs the loss only ({@link #applyMask}).
 */
public class FastOutput extends OutputLayer {

    private INDArray scoredInput;
    private INDArray scoredLabels;
    private double scoreSum;

    public FastOutput(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        forget();
        if (stockPath()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        ILossFunction loss = layerConf().getLossFn();
        INDArray labels2d = getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray delta = softmaxCrossEntropy(labels2d, workspaceMgr);
        if (delta == null) {
            INDArray preOut = preOutput2d(true, workspaceMgr);
            // The score first: some losses' computeGradient overwrite preOut (activation backprop in place).
            scoreSum = loss.computeScore(labels2d, preOut, layerConf().getActivationFn(), maskArray, false);
            delta = loss.computeGradient(labels2d, preOut, layerConf().getActivationFn(), maskArray);
        }
        scoredInput = input;
        scoredLabels = labels;

        Gradient gradient = new DefaultGradient();
        INDArray weightGrad = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        DirectGemm.gemm(input.castTo(weightGrad.dataType()), delta, weightGrad, true, false);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGrad);
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            FastDense.sumRows(delta, biasGrad);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGrad);
        }
        INDArray epsilonNext = null;
        if (getIndex() > 0) {
            INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
            epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(), delta.size(0), w.size(0));
            DirectGemm.gemm(delta, w, epsilonNext, false, true);
        }
        return new Pair<>(gradient, epsilonNext);
    }

    /**
     * Softmax with (unweighted) cross-entropy on float arrays, the usual classifier's output: the pre-activation by
     * {@link DirectGemm}, then bias, softmax, score and gradient in one Java pass ({@link OutputKernels}). Sets
     * {@link #scoreSum} and returns the gradient with respect to the pre-activation, or null for any other output,
     * which takes DL4J's loss functions.
     */
    private INDArray softmaxCrossEntropy(INDArray labels2d, LayerWorkspaceMgr workspaceMgr) {
        ILossFunction loss = layerConf().getLossFn();
        if (!(loss instanceof LossMCXENT mcxent) || mcxent.getWeights() != null || !(layerConf().getActivationFn() instanceof ActivationSoftmax)
                || hasLayerNorm() || input.rank() != 2 || !NativeFloats.contiguous(labels2d)) {
            return null;
        }
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray x = input.castTo(dataType);
        FastDense.checkInput(x, w, layerId());
        if (dataType != DataType.FLOAT || labels2d.rows() != x.rows() || labels2d.columns() != w.columns()) {
            return null;
        }
        int n = (int) x.rows();
        int k = (int) w.columns();
        INDArray z = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT, n, k);
        DirectGemm.gemm(x, w, z, false, false);
        float[] values = NativeFloats.read(z);
        float[] bias = hasBias() ? NativeFloats.read(getParam(DefaultParamInitializer.BIAS_KEY)) : null;
        scoreSum = OutputKernels.softmaxCrossEntropy(values, bias, NativeFloats.read(labels2d), n, k, (float) mcxent.getSoftmaxClipEps());
        NativeFloats.write(z, values);
        return z;
    }

    /**
     * DL4J's {@code x·W + b} with the product by {@link DirectGemm}: the output layer's forward GEMM, which
     * backprop and inference compute here (a training forward pass stops below the output layer).
     */
    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (stockPath() || hasLayerNorm()) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        assertInputSet(forBackprop);
        INDArray w = getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray x = input.castTo(dataType);
        FastDense.checkInput(x, w, layerId());
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), x.size(0), w.size(1));
        DirectGemm.gemm(x.castTo(z.dataType()), w, z, false, false);
        if (hasBias()) {
            z.addiRowVector(getParam(DefaultParamInitializer.BIAS_KEY));
        }
        return new Pair<>(z, z);
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        boolean fresh = training && scoredInput != null && scoredInput == input && scoredLabels == labels;
        double sum = scoreSum;
        forget();
        if (!fresh) {
            return super.computeScore(fullNetRegTerm, training, workspaceMgr);
        }
        // as BaseOutputLayer.computeScore: mean over the mini-batch, plus the network's regularization
        double score = conf().isMiniBatch() ? sum / getInputMiniBatchSize() : sum;
        this.score = score + fullNetRegTerm;
        return this.score;
    }

    /**
     * Nothing: the labels mask is a per-example loss weight here (Keras' {@code sample_weight}), applied by the
     * loss function alone. DL4J's {@code BaseOutputLayer} also multiplies the pre-activations by it, so a
     * weight of 0.5 halved the logits and changed the very prediction being weighted.
     */
    @Override
    protected void applyMask(INDArray to) {
    }

    @Override
    public void clear() {
        super.clear();
        forget();
    }

    private void forget() {
        scoredInput = null;
        scoredLabels = null;
    }

    private boolean stockPath() {
        return layerConf().getIDropout() != null || layerConf().getWeightNoise() != null || maskArray != null;
    }
}
