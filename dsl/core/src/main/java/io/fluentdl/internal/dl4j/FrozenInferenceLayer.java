package io.fluentdl.internal.dl4j;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The runtime of {@link FrozenInference}. DL4J's {@code FrozenLayerWithBackprop} forwards in inference
 * mode and passes gradients on, but (M2.1) gives the updater the inner layer's configuration, so the
 * optimizer and any l1/l2/weight decay still act on the frozen weights; here the updater sees NoOp and no
 * regularization, and the layer's gradient is zero, so its parameters stay bit-identical. A frozen batch
 * norm is the affine map {@code γ·(x − mean)/√(var + ε) + β} with fixed running statistics; its gradient
 * with respect to the input is computed here, {@code ε_out · γ/√(var + ε)} per channel, because DL4J's BN
 * backprop needs a training-mode forward pass.
 */
public class FrozenInferenceLayer extends FrozenLayerWithBackprop {

    public FrozenInferenceLayer(Layer insideLayer) {
        super(insideLayer);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!(underlying instanceof BatchNormalization bn)) {
            return super.backpropGradient(epsilon, workspaceMgr); // zeroes the inner layer's gradient
        }
        INDArray gradientView = underlying.getGradientsViewArray();
        if (gradientView != null) {
            gradientView.assign(0); // the whole network's update is params - gradient: keep ours zero
        }
        org.deeplearning4j.nn.conf.layers.BatchNormalization conf =
                (org.deeplearning4j.nn.conf.layers.BatchNormalization) bn.conf().getLayer();
        INDArray scale = perChannelScale(bn, conf).castTo(epsilon.dataType());
        INDArray next = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(), epsilon.shape(), 'c');
        // channels are dimension 1 for [n, units] and NCHW images alike (our translator's formats)
        Nd4j.getExecutioner().exec(new BroadcastMulOp(epsilon, scale, next, 1));
        return new Pair<>(new DefaultGradient(gradientView), next);
    }

    /** γ/√(var + ε) for each channel, from the running variance (or DL4J's log10-std form). */
    private static INDArray perChannelScale(BatchNormalization bn, org.deeplearning4j.nn.conf.layers.BatchNormalization conf) {
        INDArray var = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR);
        if (var == null) {
            INDArray std = Transforms.pow(Nd4j.valueArrayOf(bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).shape(), 10.0,
                    DataType.DOUBLE), bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).castTo(DataType.DOUBLE), false);
            var = std.mul(std);
        }
        INDArray denominator = Transforms.sqrt(var.castTo(DataType.DOUBLE).add(conf.getEps()), false);
        INDArray gamma = conf.isLockGammaBeta()
                ? Nd4j.valueArrayOf(denominator.shape(), conf.getGamma(), DataType.DOUBLE)
                : bn.getParam(BatchNormalizationParamInitializer.GAMMA).castTo(DataType.DOUBLE);
        return gamma.div(denominator).reshape(denominator.length());
    }

    /** The inner layer's configuration, but with no updater and no regularization for its parameters. */
    @Override
    public TrainingConfig getConfig() {
        TrainingConfig inner = underlying.getConfig();
        return new TrainingConfig() {
            @Override
            public String getLayerName() {
                return inner.getLayerName();
            }

            @Override
            public List<Regularization> getRegularizationByParam(String paramName) {
                return List.of();
            }

            @Override
            public boolean isPretrainParam(String paramName) {
                return false;
            }

            @Override
            public IUpdater getUpdaterByParam(String paramName) {
                return new NoOp();
            }

            @Override
            public GradientNormalization getGradientNormalization() {
                return inner.getGradientNormalization();
            }

            @Override
            public double getGradientNormalizationThreshold() {
                return inner.getGradientNormalizationThreshold();
            }

            @Override
            public void setDataType(DataType dataType) {
                inner.setDataType(dataType);
            }
        };
    }
}
