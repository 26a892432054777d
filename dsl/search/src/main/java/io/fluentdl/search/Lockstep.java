package io.fluentdl.search;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.callbacks.Callback;
import io.fluentdl.data.Dataset;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.History;
import io.fluentdl.train.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains one trial's executions (copies of the model with different seeds) side by side and
 * reports the mean of their metrics after each epoch. One execution trains on the caller's thread;
 * k executions train on k threads that meet at a barrier after every epoch, where the last one to
 * arrive reports the mean and decides for all whether to stop.
 */
final class Lockstep {

    private final List<ModelSpec> specs;
    private final Dataset train;
    private final Dataset validation;
    private final int epochs;
    private final int batchSize;
    private final Metric metric;
    private final EpochReporter reporter;
    private final EpochMetrics[] latest;
    private volatile RuntimeException stop;

    Lockstep(List<ModelSpec> specs, Dataset train, Dataset validation, int epochs, int batchSize, Metric metric,
             EpochReporter reporter) {
        this.specs = specs;
        this.train = train;
        this.validation = validation;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.metric = metric;
        this.reporter = reporter;
        this.latest = new EpochMetrics[specs.size()];
    }

    double run() throws Exception {
        if (specs.size() == 1) {
            History h = Model.of(specs.get(0)).fit(train, epochs, batchSize, validation, Callback.atEpochEnd((m, control) -> {
                stop = TrainingObjective.report(m, 1, reporter);
                if (stop != null) {
                    control.stop();
                }
            }));
            if (stop != null) {
                throw stop;
            }
            return TrainingObjective.score(h, metric);
        }
        int k = specs.size();
        CyclicBarrier barrier = new CyclicBarrier(k, () -> {
            if (stop == null) {
                stop = TrainingObjective.report(mean(latest), k, reporter);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(k, r -> {
            Thread t = new Thread(r, String.format("%s-execution", Thread.currentThread().getName()));
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<History>> running = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                int index = j;
                running.add(pool.submit(() -> Model.of(specs.get(index)).fit(train, epochs, batchSize, validation,
                        Callback.atEpochEnd((m, control) -> {
                            latest[index] = m;
                            try {
                                barrier.await();
                            } catch (InterruptedException | BrokenBarrierException e) {
                                control.stop();
                                throw new IllegalStateException("another execution of this trial failed", e);
                            }
                            if (stop != null) {
                                control.stop();
                            }
                        }))));
            }
            double sum = 0;
            Exception failure = null;
            for (Future<History> f : running) {
                try {
                    sum += TrainingObjective.score(waitFor(f), metric);
                } catch (ExecutionException e) {
                    barrier.reset();
                    if (failure == null || failure.getCause() instanceof IllegalStateException) {
                        failure = e;
                    }
                }
            }
            if (stop != null) {
                throw stop;
            }
            if (failure != null) {
                Throwable cause = failure.getCause();
                throw cause instanceof Exception ? (Exception) cause : failure;
            }
            return sum / k;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits without giving up when the trial's thread is interrupted (a time limit): the next report ends the trial. */
    private static <V> V waitFor(Future<V> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static EpochMetrics mean(EpochMetrics[] ms) {
        double tl = 0, ta = 0, vl = 0, va = 0, s = 0, lr = 0;
        for (EpochMetrics m : ms) {
            tl += m.trainLoss();
            ta += m.trainAccuracy();
            vl += m.validationLoss();
            va += m.validationAccuracy();
            s += m.seconds();
            lr += m.learningRate();
        }
        int n = ms.length;
        return new EpochMetrics(ms[0].epoch(), tl / n, ta / n, vl / n, va / n, s / n, lr / n);
    }
}
