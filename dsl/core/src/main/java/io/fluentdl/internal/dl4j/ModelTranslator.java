package io.fluentdl.internal.dl4j;

import io.fluentdl.Engine;
import io.fluentdl.ModelSpec;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.internal.dl4j.fast.EngineLayers;
import io.fluentdl.layers.ActivationLayer;
import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.layers.Dense;
import io.fluentdl.layers.Dropout;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Output;
import io.fluentdl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Spec → DL4J {@link MultiLayerConfiguration}. The batch-norm switch is applied here:
 * BEFORE_ACTIVATION turns {@code dense(units, act)} into {@code DenseLayer(identity)} +
 * {@code BatchNormalization} + {@code ActivationLayer(act)}; AFTER_ACTIVATION into
 * {@code DenseLayer(act)} + {@code BatchNormalization}; NONE drops hidden batch norms.
 * {@code nIn} of every layer comes from {@code InputType.feedForward(inputSize)}.
 */
public final class ModelTranslator {

    private ModelTranslator() {
    }

    /** The spec with DL4J's own layers ({@link Engine#STOCK}): what summaries and golden tests describe. */
    public static Translation translate(ModelSpec spec) {
        return translate(spec, Engine.STOCK);
    }

    /** The spec with the layers {@code engine} runs; the summary rows (blocks) name DL4J's layers either way. */
    public static Translation translate(ModelSpec spec, Engine engine) {
        List<Block> blocks = blocks(spec);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(UpdaterTranslator.toDl4j(spec.optimizer()))
                .list();
        for (Block block : blocks) {
            for (Layer layer : block.dl4jLayers()) {
                list.layer(EngineLayers.forEngine(layer, engine));
            }
        }
        try {
            MultiLayerConfiguration conf = list.setInputType(InputType.feedForward(spec.inputSize())).build();
            return new Translation(conf, blocks);
        } catch (RuntimeException e) {
            // DL4J's message is about its own layers; say which model it was and keep the cause.
            throw new InvalidConfigException(List.of(Problem.of(String.format("Model '%s'", spec.name()), "", null,
                    String.format("DL4J rejected the translated configuration: %s", e.getMessage()))), e);
        }
    }

    static List<Block> blocks(ModelSpec spec) {
        List<Block> blocks = new ArrayList<>();
        long size = spec.inputSize();
        if (spec.inputBatchNorm() != null) {
            blocks.add(new Block(spec.inputBatchNorm().name(), "BatchNorm", size,
                    List.of(LayerFactory.batchNorm(spec.inputBatchNorm(), size))));
        }
        BnPlacement placement = spec.batchNormPlacement();
        List<LayerSpec> layers = spec.layers();
        int denseIndex = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (layer instanceof Dense dense) {
                denseIndex++;
                BatchNorm written = i + 1 < layers.size() && layers.get(i + 1) instanceof BatchNorm b ? b : null;
                if (placement.onEveryDense()) {
                    BatchNorm bn = written != null ? written : BatchNorm.defaults(String.format("batch_norm_%d", denseIndex));
                    addWithBatchNorm(blocks, dense, bn, placement);
                    if (written != null) {
                        i++; // consumed: it configured this dense layer's batch norm
                    }
                } else {
                    blocks.add(new Block(dense.name(), dense.kind(), dense.units(),
                            List.of(LayerFactory.dense(dense, dense.activation(), dense.biasOtherwise()))));
                }
                size = dense.units();
            } else if (layer instanceof BatchNorm bn) {
                if (placement != BnPlacement.NONE) {
                    blocks.add(new Block(bn.name(), bn.kind(), size, List.of(LayerFactory.batchNorm(bn, size))));
                }
            } else if (layer instanceof Dropout dropout) {
                blocks.add(new Block(dropout.name(), dropout.kind(), size, List.of(LayerFactory.dropout(dropout))));
            } else if (layer instanceof ActivationLayer act) {
                blocks.add(new Block(act.name(), act.kind(), size, List.of(LayerFactory.activation(act.name(), act.activation()))));
            } else if (layer instanceof Output out) {
                blocks.add(new Block(out.name(), out.kind(), out.units(), List.of(LayerFactory.output(out))));
                size = out.units();
            }
        }
        return blocks;
    }

    private static void addWithBatchNorm(List<Block> blocks, Dense dense, BatchNorm bn, BnPlacement placement) {
        if (placement == BnPlacement.BEFORE_ACTIVATION) {
            blocks.add(new Block(dense.name(), dense.kind(), dense.units(),
                    List.of(LayerFactory.dense(dense, Activation.IDENTITY, dense.biasWithBnBefore()))));
            List<Layer> bnAndActivation = new ArrayList<>();
            bnAndActivation.add(LayerFactory.batchNorm(bn, dense.units()));
            if (dense.activation() != Activation.IDENTITY) {
                bnAndActivation.add(LayerFactory.activation(bn.name() + "_activation", dense.activation()));
            }
            blocks.add(new Block(bn.name(), bn.kind(), dense.units(), bnAndActivation));
        } else {
            blocks.add(new Block(dense.name(), dense.kind(), dense.units(),
                    List.of(LayerFactory.dense(dense, dense.activation(), dense.biasOtherwise()))));
            blocks.add(new Block(bn.name(), bn.kind(), dense.units(), List.of(LayerFactory.batchNorm(bn, dense.units()))));
        }
    }
}
