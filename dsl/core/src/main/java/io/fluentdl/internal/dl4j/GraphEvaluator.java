package io.fluentdl.internal.dl4j;

import io.fluentdl.train.Evaluation;
import io.fluentdl.train.OutputKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A functional model's {@link Evaluator}: one forward pass per chunk gives every output's loss (DL4J's own
 * {@code IOutputLayer.computeScore} on the output layer's input) and outputs, scored by each output's kind.
 */
final class GraphEvaluator {

    private GraphEvaluator() {
    }

    /**
     * @param inputs       input names in DL4J's order
     * @param labelColumns output name → label columns, in DL4J's output order
     */
    static Map<String, Evaluation> evaluate(ComputationGraph graph, MultiArrays data, Collection<String> inputs,
                                            Map<String, Integer> labelColumns, Map<String, OutputKind> kinds) {
        int n = data.rows();
        List<String> outputs = new ArrayList<>(labelColumns.keySet());
        double regularization = outputs.size() == 1 ? graph.calcRegularizationScore(true) : 0;
        List<float[]> outs = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        double[] lossSums = new double[outputs.size()];
        int[] units = new int[outputs.size()];
        for (int from = 0; from < n; from += Trainer.EVALUATION_BATCH) {
            int to = Math.min(n, from + Trainer.EVALUATION_BATCH);
            MultiArrays part = from == 0 && to == n ? data : data.view(from, to);
            INDArray[] in = inputs.stream().map(k -> part.inputs().get(k)).toArray(INDArray[]::new);
            Map<String, INDArray> activations = graph.feedForward(in, false);
            LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
            for (int i = 0; i < outputs.size(); i++) {
                String name = outputs.get(i);
                IOutputLayer layer = (IOutputLayer) graph.getLayer(name);
                String reads = graph.getConfiguration().getVertexInputs().get(name).get(0);
                layer.setInput(activations.get(reads), none);
                layer.setLabels(part.outputs().get(name));
                lossSums[i] += layer.computeScore(regularization, false, none) * (to - from);
                INDArray out = layer.activate(false, none);
                units[i] = (int) out.columns();
                if (from == 0) {
                    outs.add(new float[n * units[i]]);
                    labels.add(new float[n * labelColumns.get(name)]);
                }
                copyRows(out, outs.get(i), from * units[i]);
                copyRows(part.outputs().get(name), labels.get(i), from * labelColumns.get(name));
                layer.clear(); // the output layer's arrays only, as Evaluator does (see its note on network.clear())
            }
        }
        Map<String, Evaluation> result = new LinkedHashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            String name = outputs.get(i);
            result.put(name, Scoring.score(kinds.get(name), outs.get(i), labels.get(i), n, units[i], lossSums[i] / n));
        }
        return result;
    }

    private static void copyRows(INDArray values, float[] into, int offset) {
        float[] flat = values.dup('c').data().asFloat();
        System.arraycopy(flat, 0, into, offset, flat.length);
    }
}
