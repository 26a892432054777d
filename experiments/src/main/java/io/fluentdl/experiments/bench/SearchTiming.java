package io.fluentdl.experiments.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.data.Dataset;
import io.fluentdl.optim.Adam;
import io.fluentdl.search.Hp;
import io.fluentdl.search.RandomSearch;
import io.fluentdl.search.SearchSpace;
import java.io.PrintStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Search throughput: the same random search (the bench MLP, Adam with a log-uniform learning rate,
 * one epoch per trial) with 1 worker at the process' thread settings, and with 2 workers at one
 * OpenMP/BLAS thread each (small MLPs often scale better as parallel single-threaded trials).
 */
final class SearchTiming {

    private SearchTiming() {
    }

    static ObjectNode run(Dataset data, int trials, ObjectMapper mapper, PrintStream out) {
        Dataset train = data.first(Math.min(data.size(), 4_096));
        Hp<Double> lr = Hp.logUniform("learningRate", 1e-4, 1e-2);
        SearchSpace<ModelSpec> space = SearchSpace.named("bench-search").params(lr)
                .model(t -> new MlpWorkload(false, MlpWorkload.Optim.ADAM, 128).dslSpec().toBuilder()
                        .optimizer(Adam.of(t.get(lr))).build());
        int threads = Nd4j.getEnvironment().maxThreads();
        int blasThreads = Nd4j.factory().blas().getMaxThreads();
        ObjectNode node = mapper.createObjectNode();
        node.put("trials", trials);
        node.put("examplesPerTrial", train.size());
        node.put("trialsPerHour1Worker", trialsPerHour(space, train, trials, 1));
        node.put("threadsPerWorker1", threads);
        node.put("blasThreadsPerWorker1", io.fluentdl.internal.dl4j.NativeThreads.currentBlas());
        try {
            Nd4j.getEnvironment().setMaxThreads(1);
            node.put("trialsPerHour2Workers", trialsPerHour(space, train, trials, 2));
            node.put("threadsPerWorker2", 1);
            node.put("blasThreadsPerWorker2", io.fluentdl.internal.dl4j.NativeThreads.currentBlas());
        } finally {
            Nd4j.getEnvironment().setMaxThreads(threads);
            io.fluentdl.internal.dl4j.NativeThreads.setBlas(blasThreads);
        }
        out.printf("search: %,.0f trials/hour with 1 worker x %d BLAS threads, %,.0f with 2 workers x %d (%d trials of 1 epoch on %,d examples)%n",
                node.get("trialsPerHour1Worker").asDouble(), node.get("blasThreadsPerWorker1").asInt(),
                node.get("trialsPerHour2Workers").asDouble(), node.get("blasThreadsPerWorker2").asInt(),
                trials, train.size());
        return node;
    }

    private static double trialsPerHour(SearchSpace<ModelSpec> space, Dataset train, int trials, int workers) {
        long t0 = System.nanoTime();
        RandomSearch.over(space).trials(trials).seed(MlpWorkload.SEED).workers(workers).maximize()
                .objective((spec, trial, reporter) -> {
                    double acc = Model.of(spec).fit(train, 1, 128).last().trainAccuracy();
                    reporter.report(1, acc);
                    return acc;
                })
                .run();
        return trials / ((System.nanoTime() - t0) / 1e9) * 3600;
    }
}
