package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.internal.dl4j.fast.EngineLayers;
import io.fluentdl.layers.ActivationLayer;
import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.layers.Conv2D;
import io.fluentdl.layers.Dense;
import io.fluentdl.layers.Dropout;
import io.fluentdl.layers.Flatten;
import io.fluentdl.layers.GlobalPooling2D;
import io.fluentdl.layers.ImageShape;
import io.fluentdl.layers.Pooling2D;
import io.fluentdl.layers.Shapes;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Output;
import io.fluentdl.nn.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.fluentdl.optim.GradientClipping;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Spec → DL4J {@link MultiLayerConfiguration}. The batch-norm switch is applied here:
 * BEFORE_ACTIVATION turns {@code dense(units, act)} into {@code DenseLayer(identity)} +
 * {@code BatchNormalization} + {@code ActivationLayer(act)}; AFTER_ACTIVATION into
 * {@code DenseLayer(act)} + {@code BatchNormalization}; NONE drops hidden batch norms.
 * Image layers ({@code conv2d}, pooling) map one to one; {@code flatten()} becomes a
 * {@code CnnToFeedForwardPreProcessor} on the next DL4J layer. {@code nIn} of every layer comes from
 * the input type ({@link #inputType}).
 */
public final class ModelTranslator {

    private ModelTranslator() {
    }

    /** The stack with DL4J's own layers (the STOCK engine): what summaries and golden tests describe. */
    public static Translation translate(StackSpec spec) {
        return translate(spec, false);
    }

    /**
     * The stack with FluentDL's fast layers ({@code fast}) or DL4J's own; the summary rows (blocks) name
     * DL4J's layers either way.
     */
    public static Translation translate(StackSpec spec, boolean fast) {
        List<Block> blocks = blocks(spec);
        NeuralNetConfiguration.Builder global = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(UpdaterTranslator.toDl4j(spec.optimizer()));
        if (spec.gradientClipping() != null) {
            global.gradientNormalization(spec.gradientClipping().kind() == GradientClipping.Kind.NORM
                            ? GradientNormalization.ClipL2PerParamType : GradientNormalization.ClipElementWiseAbsoluteValue)
                    .gradientNormalizationThreshold(spec.gradientClipping().threshold());
        }
        NeuralNetConfiguration.ListBuilder list = global.list();
        int index = 0;
        long[] flattenFrom = null;
        for (Block block : blocks) {
            if (block.kind().equals("Flatten") && index > 0 && flattenFrom == null) {
                // flatten() is no DL4J layer: the next layer reads the images through this preprocessor
                // (channels-first order). Before any layer the rows are flat already.
                long[] before = previousShape(blocks, block);
                flattenFrom = before != null && Shapes.isImage(before) ? before : null;
            }
            for (Layer layer : block.dl4jLayers()) {
                list.layer(EngineLayers.forEngine(layer, fast));
                if (flattenFrom != null) {
                    list.inputPreProcessor(index, new CnnToFeedForwardPreProcessor(flattenFrom[0], flattenFrom[1], flattenFrom[2]));
                    flattenFrom = null;
                }
                index++;
            }
        }
        try {
            MultiLayerConfiguration conf = list.setInputType(inputType(spec)).build();
            return new Translation(conf, blocks);
        } catch (RuntimeException e) {
            // DL4J's message is about its own layers; say which model it was and keep the cause.
            throw new InvalidConfigException(List.of(Problem.of(String.format("Model '%s'", spec.name()), "", null,
                    String.format("DL4J rejected the translated configuration: %s", e.getMessage()))), e);
        }
    }

    /** {@code feedForward(n)}, or for {@code input(h, w, c)} flat rows that DL4J reshapes to NCHW images. */
    public static InputType inputType(StackSpec spec) {
        ImageShape image = spec.inputShape();
        return image == null ? InputType.feedForward(spec.inputSize())
                : InputType.convolutionalFlat(image.height(), image.width(), image.channels());
    }

    private static long[] previousShape(List<Block> blocks, Block block) {
        int at = blocks.indexOf(block);
        return at <= 0 ? null : blocks.get(at - 1).shape();
    }

    static List<Block> blocks(StackSpec spec) {
        List<Block> blocks = new ArrayList<>();
        long[] shape = Shapes.input(spec.inputShape(), spec.inputSize());
        if (spec.inputBatchNorm() != null) {
            blocks.add(block(spec.inputBatchNorm(), shape, LayerFactory.batchNorm(spec.inputBatchNorm(), Shapes.features(shape))));
        }
        BnPlacement placement = spec.batchNormPlacement();
        List<LayerSpec> layers = spec.layers();
        int weightedIndex = 0; // dense and conv layers: the auto names of the batch norms the switch adds
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            long[] out = Shapes.after(layer, shape);
            if (layer instanceof Dense || layer instanceof Conv2D) {
                weightedIndex++;
                BatchNorm written = i + 1 < layers.size() && layers.get(i + 1) instanceof BatchNorm b ? b : null;
                if (placement.onEveryDense()) {
                    BatchNorm bn = written != null ? written : BatchNorm.defaults(String.format("batch_norm_%d", weightedIndex));
                    addWithBatchNorm(blocks, layer, out, bn, placement);
                    if (written != null) {
                        i++; // consumed: it configured this layer's batch norm
                    }
                } else {
                    blocks.add(block(layer, out, weighted(layer, activationOf(layer), biasOtherwise(layer))));
                }
            } else if (layer instanceof BatchNorm bn) {
                if (placement != BnPlacement.NONE) {
                    blocks.add(block(bn, out, LayerFactory.batchNorm(bn, Shapes.features(shape))));
                }
            } else if (layer instanceof Dropout dropout) {
                blocks.add(block(dropout, out, LayerFactory.dropout(dropout)));
            } else if (layer instanceof ActivationLayer act) {
                blocks.add(block(act, out, LayerFactory.activation(act.name(), act.activation())));
            } else if (layer instanceof Output o) {
                blocks.add(block(o, out, LayerFactory.output(o)));
            } else if (layer instanceof Pooling2D pool) {
                blocks.add(block(pool, out, ConvLayerFactory.pool(pool)));
            } else if (layer instanceof GlobalPooling2D pool) {
                blocks.add(block(pool, out, ConvLayerFactory.globalPool(pool)));
            } else if (layer instanceof Flatten) {
                blocks.add(new Block(layer.name(), layer.kind(), asList(out), List.of())); // a preprocessor: see translate
            }
            shape = out;
        }
        return spec.frozen().isEmpty() ? blocks : blocks.stream().map(b -> spec.frozen().contains(b.name()) ? frozen(b) : b).toList();
    }

    /** The block's layers with parameters wrapped in {@link FrozenInference} (Keras' {@code trainable=False}). */
    private static Block frozen(Block block) {
        List<Layer> layers = block.dl4jLayers().stream().map(l -> l instanceof NoParamLayer ? l : FrozenInference.wrap(l)).toList();
        return new Block(block.name(), block.kind(), block.outputShape(), layers);
    }

    private static void addWithBatchNorm(List<Block> blocks, LayerSpec layer, long[] out, BatchNorm bn, BnPlacement placement) {
        Activation activation = activationOf(layer);
        long features = Shapes.features(out);
        if (placement == BnPlacement.BEFORE_ACTIVATION) {
            blocks.add(block(layer, out, weighted(layer, Activation.IDENTITY, biasWithBnBefore(layer))));
            List<Layer> bnAndActivation = new ArrayList<>();
            bnAndActivation.add(LayerFactory.batchNorm(bn, features));
            if (activation != Activation.IDENTITY) {
                bnAndActivation.add(LayerFactory.activation(bn.name() + "_activation", activation));
            }
            blocks.add(new Block(bn.name(), bn.kind(), asList(out), bnAndActivation));
        } else {
            blocks.add(block(layer, out, weighted(layer, activation, biasOtherwise(layer))));
            blocks.add(block(bn, out, LayerFactory.batchNorm(bn, features)));
        }
    }

    private static Layer weighted(LayerSpec layer, Activation activation, boolean hasBias) {
        return layer instanceof Conv2D conv ? ConvLayerFactory.conv(conv, activation, hasBias)
                : LayerFactory.dense((Dense) layer, activation, hasBias);
    }

    private static Activation activationOf(LayerSpec layer) {
        return layer instanceof Conv2D conv ? conv.activation() : ((Dense) layer).activation();
    }

    private static boolean biasOtherwise(LayerSpec layer) {
        return layer instanceof Conv2D conv ? conv.biasOtherwise() : ((Dense) layer).biasOtherwise();
    }

    private static boolean biasWithBnBefore(LayerSpec layer) {
        return layer instanceof Conv2D conv ? conv.biasWithBnBefore() : ((Dense) layer).biasWithBnBefore();
    }

    private static Block block(LayerSpec layer, long[] shape, Layer dl4j) {
        return new Block(layer.name(), layer.kind(), asList(shape), List.of(dl4j));
    }

    private static List<Long> asList(long[] shape) {
        return Arrays.stream(shape).boxed().toList();
    }
}
