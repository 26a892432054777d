package io.fluentdl;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fluentdl.graph.GraphInput;
import io.fluentdl.graph.GraphNode;
import io.fluentdl.internal.dl4j.GraphNetwork;
import io.fluentdl.internal.dl4j.GraphPlan;
import io.fluentdl.internal.dl4j.GraphTranslator;
import io.fluentdl.internal.dl4j.ModelZip;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.layers.Output;
import io.fluentdl.optim.GradientClipping;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.report.ParamCount;
import io.fluentdl.report.Summary;
import io.fluentdl.train.OutputKind;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated, immutable description of a functional (graph) model: named inputs, layer and merge
 * nodes in an order where each comes after what it reads, named outputs each with its own loss, the
 * batch-norm switch, the optimizer and the seed. Make one with {@link Functional}; train it with
 * {@code Model.of(spec)}.
 *
 * @param name               model name, used in summaries, errors and results
 * @param inputs             the inputs, in the order DL4J receives them
 * @param nodes              layer and merge nodes, each after the nodes it reads
 * @param outputs            the names of the output nodes (each an {@code output(...)} layer)
 * @param batchNormPlacement where batch norm goes for a dense/conv node read only by a batch norm (see {@link BnPlacement})
 * @param optimizer          the optimizer with its learning rate
 * @param seed               the seed of weight init, dropout and batch order
 * @param gradientClipping   Keras' {@code clipnorm} / {@code clipvalue}, or null for none
 */
public record GraphSpec(String name, List<GraphInput> inputs, List<GraphNode> nodes, List<String> outputs,
                        BnPlacement batchNormPlacement, Optimizer optimizer, long seed, GradientClipping gradientClipping) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public GraphSpec {
        inputs = List.copyOf(inputs);
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
    }

    /** The output layer of the output named {@code name}. */
    public Output output(String outputName) {
        return nodes.stream().filter(n -> n.name().equals(outputName) && n.layer() instanceof Output)
                .map(n -> (Output) n.layer()).findFirst()
                .orElseThrow(() -> io.fluentdl.errors.InvalidConfigException.of(String.format("Model '%s'", name), "output",
                        outputName, String.format("no output named '%s'; the outputs are %s", outputName, outputs), ""));
    }

    /** What output {@code outputName} means ({@link OutputKind}): how it is evaluated and which labels it takes. */
    public OutputKind outputKind(String outputName) {
        Output out = output(outputName);
        return OutputKind.of(out.activation(), out.loss(), out.units());
    }

    /** Keras' summary with a "Connected to" column: inputs, then nodes, output shapes and parameter counts. */
    public String summary() {
        return table().render();
    }

    /** Total, trainable and non-trainable parameters, counted as Keras does. */
    public ParamCount params() {
        return table().total();
    }

    /** The summary as rows. */
    @JsonIgnore
    public Summary table() {
        String heading = String.format("Model: \"%s\" (functional)   BN placement: %s   seed: %d%n", name, batchNormPlacement, seed)
                + (gradientClipping == null ? String.format("Optimizer: %s%n", optimizer)
                : String.format("Optimizer: %s, %s%n", optimizer, gradientClipping));
        return GraphTranslator.summary(heading, plan());
    }

    /** What the DL4J translator reads of this spec. */
    @JsonIgnore
    GraphPlan plan() {
        return new GraphPlan(name, seed, optimizer, gradientClipping, batchNormPlacement, inputs, nodes, outputs);
    }

    /** What the network reads of this spec: input widths, label columns and kinds of the outputs, the JSON to save. */
    @JsonIgnore
    GraphNetwork.Plan networkPlan() {
        Map<String, Integer> widths = new LinkedHashMap<>();
        inputs.forEach(in -> widths.put(in.name(), in.size()));
        Map<String, Integer> labels = new LinkedHashMap<>();
        Map<String, OutputKind> kinds = new LinkedHashMap<>();
        for (String out : outputs) {
            kinds.put(out, outputKind(out));
            labels.put(out, outputKind(out).labelColumns(output(out).units()));
        }
        return new GraphNetwork.Plan(name, seed, widths, labels, kinds, toJson());
    }

    /** The functional spec saved in a model zip, or null when the zip holds a sequential model. */
    static GraphSpec saved(Path file) {
        String json = ModelZip.graphJson(file);
        return json == null ? null : fromJson(json);
    }

    /** The spec as JSON (for provenance and saved models). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(String.format("Model '%s': could not write the spec as JSON", name), e);
        }
    }

    /** Reads a spec written by {@link #toJson()}, checking it like {@link Functional#build()}. */
    public static GraphSpec fromJson(String json) {
        try {
            GraphSpec read = JSON.readValue(json, GraphSpec.class);
            GraphRules.check(read);
            return read;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(String.format("Not a FluentDL graph spec: %s", e.getOriginalMessage()), e);
        }
    }
}
