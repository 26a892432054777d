package io.fluentdl.internal.dl4j;

import io.fluentdl.train.Evaluation;
import io.fluentdl.train.OutputKind;
import java.util.List;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures loss and the metrics of the output's kind ({@link Scoring}) in inference mode, in chunks so
 * large sets fit in memory; the outputs are kept (n × units floats) for AUC.
 */
public final class Evaluator {

    private Evaluator() {
    }

    public static Evaluation evaluate(MultiLayerNetwork network, DataArrays data, int chunk, OutputKind kind) {
        int n = data.rows();
        int units = (int) ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) network.getOutputLayer().conf().getLayer()).getNOut();
        int labelColumns = data.labelColumns();
        float[] outputs = new float[n * units];
        float[] labels = new float[n * labelColumns];
        double lossSum = 0;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            DataArrays part = from == 0 && to == n ? data : data.view(from, to); // read-only: no copy
            // One forward pass gives both numbers: the output layer's input, from which DL4J's own
            // IOutputLayer.computeScore (what MultiLayerNetwork.score does) gives the loss and
            // activate() the outputs. score() + output() ran the hidden layers twice, which cost
            // 2.3x one pass and made the per-epoch evaluation a large part of short epochs.
            INDArray outputLayerInput = part.features();
            if (network.getnLayers() > 1) {
                List<INDArray> activations = network.feedForwardToLayer(network.getnLayers() - 2, part.features(), false);
                outputLayerInput = activations.get(activations.size() - 1);
            }
            IOutputLayer outputLayer = (IOutputLayer) network.getOutputLayer();
            LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
            outputLayerInput = outputLayerInput(network, outputLayerInput, noWorkspaces);
            outputLayer.setInput(outputLayerInput, noWorkspaces);
            outputLayer.setLabels(part.labels());
            outputLayer.setMaskArray(null); // evaluation is unweighted (Keras' default), whatever a fit left behind
            // score = mean loss of the chunk + regularization, as MultiLayerNetwork.score(data, false)
            lossSum += outputLayer.computeScore(network.calcRegularizationScore(true), false, noWorkspaces) * (to - from);
            INDArray out = outputLayer.activate(false, noWorkspaces);
            // Only the output layer holds our arrays (feedForwardToLayer cleared the others). Never
            // network.clear(): it also drops the network's Solver, and with it the updater state, so
            // every evaluation between epochs silently reset momentum / Adam's moments to zero.
            copyRows(out, outputs, from * units);
            outputLayer.clear();
            copyRows(part.labels(), labels, from * labelColumns);
        }
        return Scoring.score(kind, outputs, labels, n, units, n == 0 ? Double.NaN : lossSum / n);
    }

    private static void copyRows(INDArray values, float[] into, int offset) {
        float[] flat = values.dup('c').data().asFloat(); // row-major, whatever the view's order
        System.arraycopy(flat, 0, into, offset, flat.length);
    }

    /**
     * Applies the output layer's input preprocessor (a {@code flatten()} right before {@code output(...)}),
     * which feedForwardToLayer does not reach: it stops at the previous layer's activations.
     */
    static INDArray outputLayerInput(MultiLayerNetwork network, INDArray previous, LayerWorkspaceMgr workspaces) {
        InputPreProcessor pre = network.getLayerWiseConfigurations().getInputPreProcess(network.getnLayers() - 1);
        return pre == null ? previous : pre.preProcess(previous, (int) previous.size(0), workspaces);
    }

    /**
     * How many rows of {@code outputs} predict the labels of the same row of {@code labels}; for a
     * multi-label output the fraction of right labels of each row (Keras' binary accuracy), for
     * regression NaN.
     */
    static double correct(INDArray outputs, INDArray labels, OutputKind kind) {
        int n = (int) outputs.rows();
        int units = (int) outputs.columns();
        float[] out = outputs.dup('c').data().asFloat();
        float[] y = labels.dup('c').data().asFloat();
        Evaluation e = Scoring.score(kind, out, y, n, units, Double.NaN);
        return e.accuracy() * n;
    }
}
