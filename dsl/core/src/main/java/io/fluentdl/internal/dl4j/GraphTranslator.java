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
        List<Draft> drafts = new ArrayList<>();
        InputType[] types = new InputType[plan.inputs().size()];
        for (int i = 0; i < types.length; i++) {
            GraphInput in = plan.inputs().get(i);
            types[i] = in.image() == null ? InputType.feedForward(in.size())
                    : InputType.convolutionalFlat(in.image().height(), in.image().width(), in.image().channels());
            g.addInputs(in.name());
            vertex.put(in.name(), in.name());
            row.put(in.name(), in.name());
            shapes.put(in.name(), in.shape());
            drafts.add(new Draft(in.name(), "InputLayer", List.of(), types[i].toString(), ""));
        }
        g.setInputTypes(types);
        Map<String, Activation> pendingActivation = new HashMap<>(); // BN node → the activation moved after it
        for (GraphNode node : plan.nodes()) {
            String name = node.name();
            String[] ins = node.inputs().stream().map(vertex::get).toArray(String[]::new);
            String reads = String.join(", ", node.inputs().stream().map(row::get).toList());
            List<long[]> inShapes = node.inputs().stream().map(shapes::get).toList();
            vertex.put(name, name);
            row.put(name, name);
            if (node.merge() != null) {
                shapes.put(name, GraphShapes.merged(node.merge(), inShapes));
                boolean add = node.merge() == Merge.ADD;
                g.addVertex(name, add ? new ElementWiseVertex(ElementWiseVertex.Op.Add) : new MergeVertex(), ins);
                drafts.add(new Draft(name, node.kind(), List.of(), add ? "ElementWiseVertex(Add)" : "MergeVertex", reads));
                continue;
            }
            LayerSpec layer = node.layer();
            long[] in = inShapes.get(0);
            shapes.put(name, GraphShapes.after(layer, in));
            if (layer instanceof BatchNorm && plan.batchNormPlacement() == BnPlacement.NONE) {
                vertex.put(name, ins[0]); // the switch leaves it out: no vertex, no row
                row.put(name, row.get(node.inputs().get(0)));
            } else if (layer instanceof Flatten && !Shapes.isImage(in)) {
                vertex.put(name, ins[0]); // vectors, or an image input's flat rows: nothing to do
                drafts.add(new Draft(name, node.kind(), List.of(), "(none: the rows are flat already)", reads));
            } else if (layer instanceof Flatten) {
                g.addVertex(name, new PreprocessorVertex(new CnnToFeedForwardPreProcessor(in[0], in[1], in[2])), ins);
                drafts.add(new Draft(name, node.kind(), List.of(), Describe.FLATTEN, reads));
            } else {
                List<Layer> dl4j = layers(node, layer, in, plan, pendingActivation);
                g.addLayer(name, dl4j.get(0), ins);
                List<String> vertices = new ArrayList<>(List.of(name));
                if (dl4j.size() > 1) { // batch norm with the activation moved after it
                    String act = dl4j.get(1).getLayerName();
                    g.addLayer(act, dl4j.get(1), name);
                    vertices.add(act);
                    vertex.put(name, act);
                }
                drafts.add(new Draft(name, node.kind(), vertices, null, reads));
            }
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
        for (Draft d : drafts) {
            ParamCount count = ParamCount.ZERO;
            List<String> parts = new ArrayList<>();
            for (String v : d.layerVertices()) {
                Layer layer = ((LayerVertex) conf.getVertices().get(v)).getLayerConf().getLayer();
                count = count.plus(SummaryRows.count(layer));
                parts.add(Describe.of(layer));
            }
            String dl4j = d.description() != null ? d.description() : String.join(" → ", parts);
            rows.add(new Summary.Row(d.name(), d.kind(), Arrays.stream(shapes.get(d.name())).boxed().toList(), count, dl4j));
        }
        return new Translation(conf, rows, drafts.stream().map(Draft::reads).toList());
    }

    /** A summary row before the configuration is built: its DL4J layers by vertex name, or a description of what it became. */
    private record Draft(String name, String kind, List<String> layerVertices, String description, String reads) {
    }

    /** The DL4J layer(s) of a layer node: one, or a batch norm and the activation moved after it. */
    private static List<Layer> layers(GraphNode node, LayerSpec layer, long[] in, GraphPlan plan,
                                      Map<String, Activation> pendingActivation) {
        BnPlacement placement = plan.batchNormPlacement();
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
}
