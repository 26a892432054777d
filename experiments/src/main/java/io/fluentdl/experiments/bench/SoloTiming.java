package io.fluentdl.experiments.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.Engine;
import io.fluentdl.Model;
import io.fluentdl.data.Dataset;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Our side of {@code --peer torch}, timed as {@code torch_mlp.py} times the peer: one workload at a time, a fresh DSL
 * model, its warm-up epochs and then its timed epochs back to back, nothing else running in between.
 *
 * <p>The bench's main table interleaves, every repeat, an epoch of the DSL model with one of the raw DL4J network and
 * one of the DSL model on DL4J's own layers, so that DSL/raw compares like with like under the same drift. That is
 * not how the peer runs, and it is not free for the FAST engine: the DL4J networks' GEMMs run on OpenBLAS's thread
 * pool, whose threads keep spinning for a while after a call and then contend with the FAST engine's own GEMM worker
 * for the second core. Measured on the bench machine (2 cores), in the first run with both and before the launcher
 * set {@code OPENBLAS_THREAD_TIMEOUT}: interleaved sgd-b1024 epochs 41,696-76,978 ex/s, the same model alone
 * 64,653-68,523.
 *
 * @param train    training examples/s (the time {@code fit} reports, without its evaluation) per repeat
 * @param trainCpu training examples per second of this process' CPU time, per repeat
 */
record SoloTiming(MlpWorkload workload, double[] train, double[] trainCpu) {

    /** Times each workload alone with {@code engine}: {@code warmups} epochs, then {@code repeats} timed ones. */
    static Map<String, SoloTiming> run(List<MlpWorkload> workloads, Dataset data, Engine engine, int warmups, int repeats,
                                       PrintStream out) {
        Map<String, SoloTiming> all = new LinkedHashMap<>();
        for (MlpWorkload workload : workloads) {
            Model model = Model.of(workload.dslSpec()).engine(engine);
            for (int w = 0; w < warmups; w++) {
                model.fit(data, 1, workload.batchSize());
            }
            List<Double> train = new ArrayList<>();
            List<Double> trainCpu = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                long c0 = CpuClock.processNanos();
                double seconds = model.fit(data, 1, workload.batchSize()).last().seconds();
                long c1 = CpuClock.processNanos();
                // fit's epoch-end evaluation, timed again to take it out of fit's CPU time (as the main table does)
                long c2 = CpuClock.processNanos();
                model.evaluate(data);
                long c3 = CpuClock.processNanos();
                train.add(data.size() / seconds);
                trainCpu.add(data.size() / (((c1 - c0) - (c3 - c2)) / 1e9));
            }
            SoloTiming t = new SoloTiming(workload, train.stream().mapToDouble(Double::doubleValue).toArray(),
                    trainCpu.stream().mapToDouble(Double::doubleValue).toArray());
            all.put(workload.label(), t);
            out.printf("alone %-14s train %22s ex/s, %9.0f ex/CPU-s%n", workload.label(), Spread.of(t.train()).format(),
                    Spread.of(t.trainCpu()).median());
        }
        return all;
    }

    /** label → the median of {@code samples} per workload. */
    static Map<String, Double> medians(Map<String, SoloTiming> timings, Function<SoloTiming, double[]> samples) {
        Map<String, Double> medians = new LinkedHashMap<>();
        timings.forEach((label, t) -> medians.put(label, Spread.of(samples.apply(t)).median()));
        return medians;
    }

    /** Adds {@code dslAlone} (train examples/s, and per CPU-second) to the workload's JSON row. */
    void putInto(ObjectNode row, ObjectMapper mapper) {
        ObjectNode alone = row.putObject("dslAlone");
        alone.set("trainExamplesPerSec", mapper.valueToTree(Spread.of(train)));
        alone.set("trainExamplesPerCpuSec", mapper.valueToTree(Spread.of(trainCpu)));
    }
}
