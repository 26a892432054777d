package io.fluentdl.experiments.bench;

import io.fluentdl.Model;
import io.fluentdl.data.Dataset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code fluentdl bench --profile WORKLOAD}: where one workload's training time goes, from a Java Flight
 * Recorder sampling profile of {@code Model.fit} (the DSL path, with its per-epoch evaluation).
 *
 * <p>ND4J does its work in native code, which JFR's execution samples do not see; its native-method
 * samples do, with the Java stack that called into native code. So every 2 ms the training thread is
 * attributed to a phase by the outermost frame on its stack that names one (the evaluation, the
 * updater, backprop, the forward pass, the loss, the batch gather: outermost, because the evaluation
 * itself computes a loss and a forward pass), and separately to a kind of work named anywhere on the
 * stack (GEMM, copies, array allocation). Sampling, not tracing: the shares
 * are estimates with about ±1 point of noise at a few thousand samples.
 */
public final class StepProfile {

    /** Phases, by a frame on the stack; the outermost frame that names one wins. */
    private static final Map<String, String> PHASES = phases();
    /** Kinds of native work, by a frame anywhere on the stack. */
    private static final Map<String, String> KINDS = kinds();

    private StepProfile() {
    }

    private static Map<String, String> phases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("BatchIterator.next", "batch gather (ours)");
        m.put("Evaluator.evaluate", "per-epoch evaluation of the training set (TrainMetrics.FULL_PASS)");
        m.put("BaseMultiLayerUpdater.update", "updater (optimizer step, regularization)");
        m.put("MultiLayerNetwork.calcBackpropGradients", "backward pass");
        m.put("MultiLayerNetwork.ffToLayerActivationsInWs", "forward pass");
        m.put("BaseOutputLayer.computeScore", "loss (score)");
        return m;
    }

    private static Map<String, String> kinds() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("BaseNDArray.assign", "copies (INDArray.assign; here mostly mmuli writing a temporary, then assigning it)");
        m.put("BaseLevel3.gemm", "GEMM (matrix products)");
        m.put("Nd4j.gemm", "GEMM (matrix products)");
        m.put("OpaqueDataBuffer.allocateDataBuffer", "array allocation");
        m.put("Pointer.deallocator", "array allocation");
        return m;
    }

    /** Profiles {@code epochs} epochs of {@code workload} through the DSL after one warm-up epoch; prints the shares. */
    public static Map<String, Double> run(MlpWorkload workload, Dataset train, int epochs, Path jfr, PrintStream out)
            throws IOException {
        Model model = Model.of(workload.dslSpec());
        model.fit(train, 1, workload.batchSize()); // warm-up: JIT, workspaces
        Path file = jfr != null ? jfr : Files.createTempFile("fluentdl-profile", ".jfr");
        String thread = Thread.currentThread().getName();
        long start = System.nanoTime();
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(2));
            recording.start();
            model.fit(train, epochs, workload.batchSize());
            recording.stop();
            recording.dump(file);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<List<String>> stacks = stacks(file, thread);
        if (jfr == null) {
            Files.deleteIfExists(file);
        }
        out.printf(Locale.ROOT, "profile %s: %d epochs of %d examples through Model.fit in %.1f s (%.0f ex/s incl. evaluation); "
                        + "JFR, 2 ms sampling, %d samples of the training thread%s%n", workload.label(), epochs, train.size(),
                seconds, epochs * train.size() / seconds, stacks.size(), jfr != null ? ", recording in " + jfr : "");
        Map<String, Double> shares = new LinkedHashMap<>();
        out.println("  by phase:");
        share(stacks, PHASES, true, "other (fit's loop, listeners, bookkeeping)", shares, out);
        out.println("  by kind of work (anywhere in the step):");
        share(stacks, KINDS, false, "element-wise ops, reductions, the rest", shares, out);
        return shares;
    }

    private static void share(List<List<String>> stacks, Map<String, String> labels, boolean outermostFirst, String rest,
                              Map<String, Double> shares, PrintStream out) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.values().forEach(l -> counts.putIfAbsent(l, 0));
        counts.put(rest, 0);
        for (List<String> stack : stacks) {
            counts.merge(label(stack, labels, outermostFirst, rest), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            double share = stacks.isEmpty() ? Double.NaN : (double) e.getValue() / stacks.size();
            shares.put(e.getKey(), share);
            out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100 * share, e.getKey());
        }
    }

    /**
     * With {@code outermostFirst}, the label of the outermost frame of {@code stack} (leaf first) that
     * {@code labels} names; otherwise the first label, in {@code labels}' order, whose frame is anywhere
     * on the stack; {@code rest} when none.
     */
    static String label(List<String> stack, Map<String, String> labels, boolean outermostFirst, String rest) {
        if (outermostFirst) {
            for (int i = stack.size() - 1; i >= 0; i--) {
                String l = labels.get(stack.get(i));
                if (l != null) {
                    return l;
                }
            }
            return rest;
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (stack.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return rest;
    }

    /** Stacks (leaf first, frames as {@code SimpleClass.method}) of the samples taken on {@code thread}. */
    private static List<List<String>> stacks(Path file, String thread) throws IOException {
        List<List<String>> stacks = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            RecordedThread t = e.getThread("sampledThread");
            if (t == null || !thread.equals(t.getJavaName()) || e.getStackTrace() == null) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame f : e.getStackTrace().getFrames()) {
                String type = f.getMethod().getType().getName();
                frames.add(type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName());
            }
            stacks.add(frames);
        }
        return stacks;
    }
}
