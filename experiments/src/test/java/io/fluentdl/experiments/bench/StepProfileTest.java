package io.fluentdl.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Attribution of sampled stacks to phases, workload names, and one real (tiny) JFR profile. */
class StepProfileTest {

    private static final Map<String, String> PHASES = Map.of(
            "Evaluator.evaluate", "evaluation",
            "BaseOutputLayer.computeScore", "loss",
            "MultiLayerNetwork.calcBackpropGradients", "backward");

    @Test
    void theOutermostNamedFrameWinsSoTheEvaluationsOwnLossCountsAsEvaluation() {
        // leaf first, as JFR gives them
        List<String> inEvaluation = List.of("Nd4jCpu.execCustomOp2", "BaseOutputLayer.computeScore", "Evaluator.evaluate", "Model.fit");
        List<String> inTraining = List.of("BaseLevel3.gemm", "BaseNDArray.mmuli", "MultiLayerNetwork.calcBackpropGradients",
                "MultiLayerNetwork.computeGradientAndScore", "Model.fit");
        assertEquals("evaluation", StepProfile.label(inEvaluation, PHASES, true, "other"));
        assertEquals("backward", StepProfile.label(inTraining, PHASES, true, "other"));
        assertEquals("other", StepProfile.label(List.of("Model.fit"), PHASES, true, "other"));
    }

    @Test
    void workloadLabelsParseBack() {
        for (MlpWorkload w : List.of(new MlpWorkload(true, MlpWorkload.Optim.ADAM, 128),
                new MlpWorkload(false, MlpWorkload.Optim.SGD, 1024))) {
            assertEquals(Optional.of(w), MlpWorkload.parse(w.label()));
        }
        assertEquals(Optional.empty(), MlpWorkload.parse("rmsprop-b128"));
        assertEquals(Optional.empty(), MlpWorkload.parse("adam-b0"));
    }

    @Test
    void aRealProfileAttributesEverySampleOnce() throws Exception {
        BenchOptions synthetic = new BenchOptions(true, 4096, 0, 1, List.of(128), 0, 100.0, null, null, true, io.fluentdl.Engine.DEFAULT, 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Double> shares = StepProfile.run(new MlpWorkload(false, MlpWorkload.Optim.ADAM, 128),
                BenchData.mnist(synthetic), 2, null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        double phases = shares.entrySet().stream().limit(7).mapToDouble(Map.Entry::getValue).sum();
        assertEquals(1.0, phases, 1e-9, out);
        assertTrue(shares.get("backward pass") > 0, out);
        assertTrue(out.startsWith("profile adam-b128: 2 epochs of 4096 examples"), out);
    }
}
