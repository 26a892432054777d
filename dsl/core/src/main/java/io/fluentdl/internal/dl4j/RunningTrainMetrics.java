package io.fluentdl.internal.dl4j;

import io.fluentdl.train.Evaluation;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras-style running training metrics ({@link io.fluentdl.train.TrainMetrics#RUNNING}), collected
 * while DL4J trains. The loss is DL4J's own batch score (mean loss plus regularization, as Keras
 * reports it). DL4J's training forward pass stops before the output layer (it only needs that layer's
 * input for backprop) and hands the activations to {@code onForwardPass}; the accuracy applies the
 * output layer to its input once more, a batch x hidden x classes product, about 0.1% of the FLOPs
 * of a step of the MNIST MLP.
 */
public final class RunningTrainMetrics extends BaseTrainingListener {

    private final io.fluentdl.train.OutputKind kind;
    private double lossSum;
    private double correct;
    private long examples;
    private long pendingBatch;

    public RunningTrainMetrics(io.fluentdl.train.OutputKind kind) {
        this.kind = kind;
    }

    /** Starts a new epoch. */
    public void reset() {
        lossSum = 0;
        correct = 0;
        examples = 0;
        pendingBatch = 0;
    }

    /** The epoch's batch-size-weighted means (per-class metrics are not collected). */
    public Evaluation epoch() {
        return new Evaluation(examples == 0 ? Double.NaN : lossSum / examples,
                examples == 0 ? Double.NaN : correct / examples, List.of(), (int) examples, kind, java.util.Map.of(), null);
    }

    @Override
    public void onForwardPass(org.deeplearning4j.nn.api.Model model, List<INDArray> activations) {
        MultiLayerNetwork network = (MultiLayerNetwork) model;
        INDArray labels = network.getLabels();
        INDArray outputInput = activations.get(activations.size() - 1);
        // outside DL4J's training workspaces: these few small arrays must not grow them
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray outputs = outputs(network.getOutputLayer(),
                    Evaluator.outputLayerInput(network, outputInput, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces()));
            correct += Evaluator.correct(outputs, labels, kind);
        }
        pendingBatch = labels.rows();
    }

    @Override
    public void onBackwardPass(org.deeplearning4j.nn.api.Model model) {
        // DL4J computes the batch's score between the forward and the backward callbacks
        lossSum += model.score() * pendingBatch;
        examples += pendingBatch;
    }

    private static INDArray outputs(Layer outputLayer, INDArray input) {
        INDArray z = input.castTo(outputLayer.getParam("W").dataType()).mmul(outputLayer.getParam("W"));
        INDArray bias = outputLayer.getParam("b");
        if (bias != null) {
            z.addiRowVector(bias);
        }
        IActivation activation = ((BaseLayer) outputLayer.conf().getLayer()).getActivationFn();
        return activation.getActivation(z, false);
    }
}
