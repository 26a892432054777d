package io.fluentdl.internal.dl4j;

import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.errors.Problem;
import io.fluentdl.graph.GraphInput;
import io.fluentdl.graph.GraphNode;
import io.fluentdl.graph.Merge;
import io.fluentdl.layers.ActivationLayer;
import io.fluentdl.layers.BatchNorm;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.layers.Conv2D;
import io.fluentdl.layers.CustomLayer;
import io.fluentdl.layers.Dense;
import io.fluentdl.layers.Dropout;
import io.fluentdl.layers.Flatten;
import io.fluentdl.layers.GlobalPooling2D;
import io.fluentdl.layers.LayerSpec;
import io.fluentdl.layers.Output;
import io.fluentdl.layers.Pooling2D;
import io.fluentdl.layers.Shapes;
import io.fluentdl.nn.Activation;
import io.fluentdl.optim.GradientClipping;
import io.fluentdl.report.ParamCount;
import io.fluentdl.report.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Graph spec → DL4J {@link ComputationGraphConfiguration}: inputs become graph inputs with their input
 * types, layer nodes DL4J layers (the same factories as {@link ModelTranslator}), {@code add} an
 * {@code ElementWiseVertex(Add)}, {@code concatenate} a {@code MergeVertex}, {@code flatten} of images a
 * {@code PreprocessorVertex(CnnToFeedForwardPreProcessor)}. The batch-norm switch acts on each dense or
 * conv node whose only reader is a batch norm: BEFORE_ACTIVATION makes it linear (bias dropped) and adds
 * an {@code ActivationLayer} named {@code <bn>_activation} after the batch norm; NONE skips batch norms.
 */
public final class GraphTranslator {

    static {
        NativeBuild.select(); // before ND4J loads (see NativeBuild)
    }

    /** The configuration, and one summary row per input and node with the names it reads. */
    public record Translation(ComputationGraphConfiguration configuration, List<Summary.Row> rows, List<String> connectedTo) {
    }

    private GraphTranslator() {
    }

    /** The summary of {@code plan} under {@code heading}. */
    public static Summary summary(String heading, GraphPlan plan) {
        Translation t = translate(plan);
        return Summary.of(heading, t.rows(), t.connectedTo());
    }

    public static Translation translate(GraphPlan plan) {
        NeuralNetConfiguration.Builder global = new NeuralNetConfiguration.Builder()
                .seed(plan.seed())
                .dataType(DataType.FLOAT)
                .updater(UpdaterTranslator.toDl4j(plan.optimizer()));
        if (plan.gradientClipping() != null) {
            global.gradientNormalization(plan.gradientClipping().kind() == GradientClipping.Kind.NORM
                            ? GradientNormalization.ClipL2PerParamType : GradientNormalization.ClipElementWiseAbsoluteValue)
                    .gradientNormalizationThreshold(plan.gradientClipping().threshold());
        }
        ComputationGraphConfiguration.GraphBuilder g = global.graphBuilder();
        Map<String, String> vertex = new HashMap<>(); // node name → the DL4J vertex that carries its output
        Map<String, String> row = new HashMap<>();    // node name → the summary row that shows its output
        Map<String, long[]> shapes = new HashMap<>();
        List<String> rowNames = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<List<String>> dl4jVertices = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<String> connected = new ArrayList<>();
        InputType[] types = new InputType[plan.inputs().size()];
        for (int i = 0; i < types.length; i++) {
            GraphInput in = plan.inputs().get(i);
            types[i] = in.image() == null ? InputType.feedForward(in.size())
                    : InputType.convolutionalFlat(in.image().height(), in.image().width(), in.image().channels());
            g.addInputs(in.name());
            vertex.put(in.name(), in.name());
            row.put(in.name(), in.name());
            shapes.put(in.name(), in.shape());
            addRow(rowNames, kinds, dl4jVertices, descriptions, connected, in.name(), "InputLayer", List.of(), types[i].toString(), "");
        }
        g.setInputTypes(types);
        Map<String, Activation> pendingActivation = new HashMap<>(); // BN node → the activation moved after it
        BnPlacement placement = plan.batchNormPlacement();
        for (GraphNode node : plan.nodes()) {
            String[] ins = node.inputs().stream().map(vertex::get).toArray(String[]::new);
            String reads = String.join(", ", node.inputs().stream().map(row::get).toList());
            List<long[]> inShapes = node.inputs().stream().map(shapes::get).toList();
            String name = node.name();
            List<String> vertices = new ArrayList<>(List.of(name));
            String description;
            if (node.merge() != null) {
                shapes.put(name, GraphShapes.merged(node.merge(), inShapes));
                if (node.merge() == Merge.ADD) {
                    g.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), ins);
                    description = "ElementWiseVertex(Add)";
                } else {
                    g.addVertex(name, new MergeVertex(), ins);
                    description = "MergeVertex";
                }
            } else {
                LayerSpec layer = node.layer();
                long[] in = inShapes.get(0);
                long[] out = GraphShapes.after(layer, in);
                shapes.put(name, out);
                if (layer instanceof BatchNorm bn && placement == BnPlacement.NONE) {
                    vertex.put(name, ins[0]);
                    row.put(name, row.get(node.inputs().get(0)));
                    continue; // no row: the switch left it out
                }
                if (layer instanceof Flatten && !Shapes.isImage(in)) {
                    vertex.put(name, ins[0]); // vectors, or an image input's flat rows: nothing to do
                    row.put(name, name);
                    addRow(rowNames, kinds, dl4jVertices, descriptions, connected, name, layer.kind(), List.of(),
                            "(none: the rows are flat already)", reads);
                    continue;
                }
                if (layer instanceof Flatten) {
                    g.addVertex(name, new PreprocessorVertex(new CnnToFeedForwardPreProcessor(in[0], in[1], in[2])), ins);
                    description = Describe.FLATTEN;
                } else {
                    List<Layer> dl4j = layers(node, layer, in, placement, plan, pendingActivation);
                    g.addLayer(name, dl4j.get(0), ins);
                    if (dl4j.size() > 1) {
                        String act = dl4j.get(1).getLayerName();
                        g.addLayer(act, dl4j.get(1), name);
                        vertices.add(act);
                        vertex.put(name, act);
                    }
                    description = null;
                }
                if (!vertex.containsKey(name)) {
                    vertex.put(name, name);
                }
                row.put(name, name);
                addRow(rowNames, kinds, dl4jVertices, descriptions, connected, name, node.kind(), vertices, description, reads);
                continue;
            }
            vertex.put(name, name);
            row.put(name, name);
            addRow(rowNames, kinds, dl4jVertices, descriptions, connected, name, node.kind(), List.of(), description, reads);
        }
        g.setOutputs(plan.outputs().toArray(String[]::new));
        ComputationGraphConfiguration conf;
        try {
            conf = g.build();
        } catch (RuntimeException e) {
            throw new InvalidConfigException(List.of(Problem.of(String.format("Model '%s'", plan.name()), "", null,
                    String.format("DL4J rejected the translated graph: %s", e.getMessage()))), e);
        }
        List<Summary.Row> rows = new ArrayList<>();
        for (int i = 0; i < rowNames.size(); i++) {
            ParamCount count = ParamCount.ZERO;
            List<String> parts = new ArrayList<>();
            for (String v : dl4jVertices.get(i)) {
                Layer layer = ((LayerVertex) conf.getVertices().get(v)).getLayerConf().getLayer();
                count = count.plus(SummaryRows.count(layer));
                parts.add(Describe.of(layer));
            }
            String dl4j = descriptions.get(i) != null ? descriptions.get(i) : String.join(" → ", parts);
            long[] shape = shapes.get(rowNames.get(i));
            rows.add(new Summary.Row(rowNames.get(i), kinds.get(i), Arrays.stream(shape).boxed().toList(), count, dl4j));
        }
        return new Translation(conf, rows, connected);
    }

    /** The DL4J layer(s) of a layer node: one, or a batch norm and the activation moved after it. */
    private static List<Layer> layers(GraphNode node, LayerSpec layer, long[] in, BnPlacement placement, GraphPlan plan,
                                      Map<String, Activation> pendingActivation) {
        if (layer instanceof Dense || layer instanceof Conv2D) {
            boolean paired = placement.onEveryDense() && readByBatchNormOnly(node.name(), plan);
            Activation activation = layer instanceof Conv2D c ? c.activation() : ((Dense) layer).activation();
            if (paired && placement == BnPlacement.BEFORE_ACTIVATION) {
                String bn = plan.nodes().stream().filter(n -> n.inputs().contains(node.name())).findFirst().orElseThrow().name();
                pendingActivation.put(bn, activation);
                boolean bias = layer instanceof Conv2D c ? c.biasWithBnBefore() : ((Dense) layer).biasWithBnBefore();
                return List.of(weighted(layer, Activation.IDENTITY, bias));
            }
            boolean bias = layer instanceof Conv2D c ? c.biasOtherwise() : ((Dense) layer).biasOtherwise();
            return List.of(weighted(layer, activation, bias));
        } else if (layer instanceof BatchNorm bn) {
            Layer norm = LayerFactory.batchNorm(bn, Shapes.features(in));
            Activation moved = pendingActivation.get(node.name());
            if (moved != null && moved != Activation.IDENTITY) {
                return List.of(norm, LayerFactory.activation(bn.name() + "_activation", moved));
            }
            return List.of(norm);
        } else if (layer instanceof Dropout d) {
            return List.of(LayerFactory.dropout(d));
        } else if (layer instanceof ActivationLayer a) {
            return List.of(LayerFactory.activation(a.name(), a.activation()));
        } else if (layer instanceof Output o) {
            return List.of(LayerFactory.output(o));
        } else if (layer instanceof Pooling2D p) {
            return List.of(ConvLayerFactory.pool(p));
        } else if (layer instanceof GlobalPooling2D p) {
            return List.of(ConvLayerFactory.globalPool(p));
        } else if (layer instanceof CustomLayer c) {
            return List.of(CustomLayers.layer(c));
        }
        throw new IllegalArgumentException(String.format("GraphTranslator: no DL4J layer for %s", layer));
    }

    private static boolean readByBatchNormOnly(String name, GraphPlan plan) {
        List<GraphNode> readers = plan.nodes().stream().filter(n -> n.inputs().contains(name)).toList();
        return readers.size() == 1 && readers.get(0).layer() instanceof BatchNorm && !plan.outputs().contains(name);
    }

    private static Layer weighted(LayerSpec layer, Activation activation, boolean hasBias) {
        return layer instanceof Conv2D conv ? ConvLayerFactory.conv(conv, activation, hasBias)
                : LayerFactory.dense((Dense) layer, activation, hasBias);
    }

    private static void addRow(List<String> names, List<String> kinds, List<List<String>> vertices, List<String> descriptions,
                               List<String> connected, String name, String kind, List<String> dl4jVertices, String description,
                               String reads) {
        names.add(name);
        kinds.add(kind);
        vertices.add(dl4jVertices);
        descriptions.add(description);
        connected.add(reads);
    }
}
