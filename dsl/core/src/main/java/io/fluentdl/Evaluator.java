package io.fluentdl;

import io.fluentdl.data.Dataset;
import io.fluentdl.train.Evaluation;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures loss, accuracy and per-class metrics in inference mode, in chunks so large sets fit in memory.
 * Accuracy: argmax for several output units, threshold 0.5 for one (sigmoid) unit.
 */
final class Evaluator {

    private Evaluator() {
    }

    static Evaluation evaluate(MultiLayerNetwork network, Dataset data, int chunk) {
        int n = data.size();
        int outputs = data.numLabelColumns();
        int classes = Math.max(2, outputs);
        long[][] confusion = new long[classes][classes]; // [actual][predicted]
        double lossSum = 0;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            Dataset part = from == 0 && to == n ? data : data.view(from, to); // read-only: no copy
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
            // score = mean loss of the chunk + regularization, as MultiLayerNetwork.score(data, false)
            lossSum += outputLayer.computeScore(network.calcRegularizationScore(true), false, noWorkspaces) * (to - from);
            INDArray out = outputLayer.activate(false, noWorkspaces);
            // Only the output layer holds our arrays (feedForwardToLayer cleared the others). Never
            // network.clear(): it also drops the network's Solver, and with it the updater state, so
            // every evaluation between epochs silently reset momentum / Adam's moments to zero.
            outputLayer.clear();
            int[] predicted = labelsOf(out, outputs);
            int[] actual = labelsOf(part.labels(), outputs);
            for (int i = 0; i < predicted.length; i++) {
                confusion[actual[i]][predicted[i]]++;
            }
        }
        long correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += confusion[c][c];
        }
        return new Evaluation(lossSum / n, n == 0 ? Double.NaN : (double) correct / n, perClass(confusion), n);
    }

    /**
     * Applies the output layer's input preprocessor (a {@code flatten()} right before {@code output(...)}),
     * which feedForwardToLayer does not reach: it stops at the previous layer's activations.
     */
    static INDArray outputLayerInput(MultiLayerNetwork network, INDArray previous, LayerWorkspaceMgr workspaces) {
        InputPreProcessor pre = network.getLayerWiseConfigurations().getInputPreProcess(network.getnLayers() - 1);
        return pre == null ? previous : pre.preProcess(previous, (int) previous.size(0), workspaces);
    }

    /** How many rows of {@code outputs} predict the label of the same row of {@code labels}. */
    static long correct(INDArray outputs, INDArray labels) {
        int columns = (int) labels.columns();
        int[] predicted = labelsOf(outputs, columns);
        int[] actual = labelsOf(labels, columns);
        long correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == actual[i] ? 1 : 0;
        }
        return correct;
    }

    private static int[] labelsOf(INDArray values, int outputs) {
        int rows = (int) values.rows();
        int[] labels = new int[rows];
        if (outputs == 1) {
            float[] p = values.reshape(rows).toFloatVector();
            for (int i = 0; i < rows; i++) {
                labels[i] = p[i] >= 0.5f ? 1 : 0;
            }
        } else {
            long[] argmax = values.argMax(1).toLongVector();
            for (int i = 0; i < rows; i++) {
                labels[i] = (int) argmax[i];
            }
        }
        return labels;
    }

    private static List<Evaluation.ClassMetrics> perClass(long[][] confusion) {
        List<Evaluation.ClassMetrics> metrics = new ArrayList<>();
        for (int c = 0; c < confusion.length; c++) {
            long tp = confusion[c][c];
            long actual = 0;
            long predicted = 0;
            for (int k = 0; k < confusion.length; k++) {
                actual += confusion[c][k];
                predicted += confusion[k][c];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.add(new Evaluation.ClassMetrics(c, precision, recall, f1, (int) actual));
        }
        return metrics;
    }
}
