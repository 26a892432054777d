package io.fluentdl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fluentdl.internal.dl4j.ModelTranslator;
import io.fluentdl.internal.dl4j.StackSpec;
import io.fluentdl.internal.dl4j.SummaryRows;
import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.layers.ImageShape;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Output;
import io.fluentdl.train.Metric;
import io.fluentdl.train.OutputKind;
import io.fluentdl.optim.GradientClipping;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.report.ParamCount;
import io.fluentdl.report.Summary;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A validated, immutable description of a sequential model (dense or convolutional): its stack of layers as written, the
 * model-wide batch-norm switch, the optimizer and the seed. Safe to share across threads and trials.
 * Make one with {@link Sequential#named(String)}, variants with {@link #toBuilder()}.
 *
 * @param name               model name, used in summaries, errors and results
 * @param inputSize          number of input features, ≥ 1
 * @param inputBatchNorm     batch norm on the raw inputs, or null for none
 * @param layers             the stack as written; the last one is the {@code output(...)}
 * @param batchNormPlacement where hidden batch norm goes (see {@link BnPlacement})
 * @param optimizer          the optimizer with its learning rate
 * @param seed               the seed of weight init, dropout and batch order
 * @param inputShape         the image shape given by {@code input(height, width, channels)}, or null for
 *                           {@code input(n)}; {@code inputSize} is then height·width·channels
 * @param metrics            what {@code fit} measures besides loss and accuracy, Keras' {@code compile(metrics=...)}
 * @param gradientClipping   Keras' {@code clipnorm} / {@code clipvalue}, or null for none
 * @param frozen             names of layers whose weights (and batch-norm statistics) training leaves as
 *                           they are, Keras' {@code trainable=False}; empty for none
 */
public record ModelSpec(String name, int inputSize, BatchNorm inputBatchNorm, List<LayerSpec> layers,
                        BnPlacement batchNormPlacement, Optimizer optimizer, long seed, ImageShape inputShape,
                        List<Metric> metrics, GradientClipping gradientClipping, List<String> frozen) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ModelSpec {
        layers = List.copyOf(layers);
        frozen = frozen == null ? List.of() : List.copyOf(frozen); // specs saved before freezing existed have none
        // training-set names, once each; loss and accuracy are always measured
        metrics = metrics == null ? List.of()
                : metrics.stream().map(Metric::onTraining).filter(m -> !m.isStandard()).distinct().toList();
    }

    /** A spec with flat input ({@code input(n)}). */
    public ModelSpec(String name, int inputSize, BatchNorm inputBatchNorm, List<LayerSpec> layers,
                     BnPlacement batchNormPlacement, Optimizer optimizer, long seed) {
        this(name, inputSize, inputBatchNorm, layers, batchNormPlacement, optimizer, seed, null, List.of(), null, List.of());
    }

    /** A builder holding this spec's values, to make a variant. */
    public Sequential toBuilder() {
        return Sequential.from(this);
    }

    /**
     * This spec with exactly {@code layerNames} frozen (see {@link Sequential#freeze}), checked as
     * {@link Sequential#build()} checks it: unknown names and the output layer are errors.
     */
    public ModelSpec withFrozen(java.util.Collection<String> layerNames) {
        ModelSpec spec = new ModelSpec(name, inputSize, inputBatchNorm, layers, batchNormPlacement, optimizer, seed, inputShape,
                metrics, gradientClipping, List.copyOf(new java.util.LinkedHashSet<>(layerNames)));
        StackRules.check(spec);
        return spec;
    }

    /** What the output means ({@link OutputKind}): how it is evaluated and which labels it takes. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public OutputKind outputKind() {
        Output out = output();
        return OutputKind.of(out.activation(), out.loss(), out.units());
    }

    /** The output layer (the last one). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Output output() {
        return (Output) layers.get(layers.size() - 1);
    }

    /** The Keras-style table of layers, output shapes and parameter counts; works before training. */
    public String summary() {
        return table().render();
    }

    /** Total, trainable and non-trainable parameters, counted as Keras does. */
    public ParamCount params() {
        return table().total();
    }

    /** The summary as rows, for code that reads the table rather than prints it. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Summary table() {
        String heading = String.format("Model: \"%s\"   BN placement: %s   seed: %d%n", name, batchNormPlacement, seed)
                + (gradientClipping == null ? String.format("Optimizer: %s%n", optimizer)
                : String.format("Optimizer: %s, %s%n", optimizer, gradientClipping));
        return Summary.of(heading, SummaryRows.of(ModelTranslator.translate(stack())));
    }

    /** What the DL4J translator reads of this spec (internal: the translator never sees the spec itself). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    StackSpec stack() {
        return new StackSpec(name, seed, optimizer, gradientClipping, inputShape, inputSize, inputBatchNorm,
                batchNormPlacement, layers, java.util.Set.copyOf(frozen));
    }

    /** The spec as JSON (for provenance and for saved models). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(String.format("Model '%s': could not write the spec as JSON", name), e);
        }
    }

    /** Reads a spec written by {@link #toJson()}, validating it like {@link Sequential#build()}. */
    public static ModelSpec fromJson(String json) {
        try {
            ModelSpec read = JSON.readValue(json, ModelSpec.class);
            return read.toBuilder().build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(String.format("Not a FluentDL model spec: %s", e.getOriginalMessage()), e);
        }
    }
}
