package io.fluentdl.experiments.bench;

import io.fluentdl.Model;
import io.fluentdl.data.Dataset;
import io.fluentdl.data.Mnist;
import java.nio.file.Path;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One line per run: raw-DL4J training examples/s of one bench workload under this process'
 * settings (native build, OpenMP/BLAS threads, OpenBLAS core type). Process-wide settings cannot
 * change inside one JVM, so the launcher's defaults were chosen by running this under each
 * setting, interleaved, several rounds ({@code experiments/src/main/resources/bench/sweep.sh}).
 *
 * Also prints examples per CPU-second of the process, which a busy shared machine distorts less than
 * wall time (for one thread; with two, a spinning OpenMP thread counts too).
 *
 * <p>Arguments: {@code [optimizer=adam|sgd] [bn=false] [batch=128] [examples=8192] [repeats=3]}.
 */
public final class SettingsProbe {

    private SettingsProbe() {
    }

    public static void main(String[] args) {
        MlpWorkload.Optim opt = MlpWorkload.Optim.valueOf(arg(args, 0, "adam").toUpperCase(java.util.Locale.ROOT));
        boolean bn = Boolean.parseBoolean(arg(args, 1, "false"));
        int batch = Integer.parseInt(arg(args, 2, "128"));
        int examples = Integer.parseInt(arg(args, 3, "8192"));
        int repeats = Integer.parseInt(arg(args, 4, "3"));
        MlpWorkload w = new MlpWorkload(bn, opt, batch);
        Dataset train = Mnist.load((Path) null, examples, 1).train();
        MultiLayerNetwork net = new MultiLayerNetwork(w.rawConfiguration());
        net.init();
        DataSet all = new DataSet(Model.features(train), Model.labels(train));
        ExistingDataSetIterator it = new ExistingDataSetIterator(all.batchBy(batch));
        net.fit(it); // warm-up
        double[] rates = new double[repeats];
        double[] perCpuSecond = new double[repeats];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < repeats; r++) {
            it.reset();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            net.fit(it);
            rates[r] = examples / ((System.nanoTime() - t0) / 1e9);
            perCpuSecond[r] = examples / ((os.getProcessCpuTime() - c0) / 1e9);
        }
        Spread s = Spread.of(rates);
        System.out.printf("PROBE %s native=%s omp=%d blas=%d core=%s ex/s=%.0f min=%.0f max=%.0f ex/cpu-s=%.0f load=%.1f%n", w.label(),
                BenchEnvironment.nativeBuild(), org.nd4j.linalg.factory.Nd4j.getEnvironment().maxThreads(),
                org.nd4j.linalg.factory.Nd4j.factory().blas().getMaxThreads(), BenchEnvironment.openblasCore(),
                s.median(), s.min(), s.max(), Spread.of(perCpuSecond).median(), BenchEnvironment.loadAverage());
    }

    private static String arg(String[] args, int i, String otherwise) {
        return args.length > i ? args[i] : otherwise;
    }
}
