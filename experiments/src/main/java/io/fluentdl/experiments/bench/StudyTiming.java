package io.fluentdl.experiments.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.data.Dataset;
import io.fluentdl.optim.Adam;
import io.fluentdl.search.Hp;
import io.fluentdl.search.RandomSearch;
import io.fluentdl.search.Search;
import io.fluentdl.search.SearchSpace;
import io.fluentdl.search.Study;
import io.fluentdl.search.TrialObjective;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Study throughput: trials per hour of one shared study on SQLite and on PostgreSQL, with 1 and 2
 * workers (each worker its own connection, as separate processes have), for two trials: "protocol"
 * reports 3 epochs and trains nothing (what claiming, heartbeats, metrics and the pruner's reads
 * cost), "mlp" trains the bench MLP for one epoch on 1,024 examples. PostgreSQL is measured when
 * {@code FLUENTDL_BENCH_POSTGRES_URL} (else {@code FLUENTDL_TEST_POSTGRES_URL}) is set.
 */
final class StudyTiming {

    private StudyTiming() {
    }

    static ObjectNode run(Dataset data, int trials, ObjectMapper mapper, PrintStream out) {
        Dataset train = data.first(Math.min(data.size(), 1_024));
        Hp<Double> lr = Hp.logUniform("learningRate", 1e-4, 1e-2);
        SearchSpace<ModelSpec> space = SearchSpace.named("bench-study").params(lr)
                .model(t -> new MlpWorkload(false, MlpWorkload.Optim.ADAM, 128).dslSpec().toBuilder()
                        .optimizer(Adam.of(t.get(lr))).build());
        TrialObjective<ModelSpec> protocol = (spec, trial, reporter) -> {
            for (int e = 1; e <= 3; e++) {
                reporter.report(e, 0.5);
            }
            return 0.5;
        };
        TrialObjective<ModelSpec> mlp = (spec, trial, reporter) -> {
            double acc = Model.of(spec).fit(train, 1, 128).last().trainAccuracy();
            reporter.report(1, acc);
            return acc;
        };
        String postgres = System.getenv().getOrDefault("FLUENTDL_BENCH_POSTGRES_URL",
                System.getenv("FLUENTDL_TEST_POSTGRES_URL"));
        Path dir;
        try {
            dir = Files.createTempDirectory("fluentdl-study-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("trials", trials);
        List<String> storages = new ArrayList<>(List.of("sqlite:" + dir.resolve("bench.db")));
        if (postgres != null && !postgres.isBlank()) {
            storages.add(postgres);
        }
        for (String storage : storages) {
            String kind = storage.startsWith("sqlite") ? "sqlite" : "postgresql";
            for (String what : List.of("protocol", "mlp")) {
                for (int workers = 1; workers <= 2; workers++) {
                    double perHour = trialsPerHour(storage, space, what.equals("mlp") ? mlp : protocol, trials, workers);
                    node.put(String.format("%s_%s_%dworker%s", kind, what, workers, workers == 1 ? "" : "s"), perHour);
                    out.printf("study: %-10s %-8s %d worker%s: %,10.0f trials/hour%n", kind, what, workers,
                            workers == 1 ? " " : "s", perHour);
                }
            }
        }
        if (storages.size() == 1) {
            out.println("study: PostgreSQL not measured (set FLUENTDL_BENCH_POSTGRES_URL)");
        }
        return node;
    }

    /** {@code workers} threads, each with its own Study (connection), joining one new study of {@code trials}. */
    private static double trialsPerHour(String storage, SearchSpace<ModelSpec> space, TrialObjective<ModelSpec> objective,
                                        int trials, int workers) {
        String name = "bench-" + UUID.randomUUID();
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            threads.add(new Thread(() -> {
                try (Study study = Study.open(storage, name)) {
                    Search<ModelSpec> s = RandomSearch.over(space).trials(trials).seed(MlpWorkload.SEED).maximize()
                            .study(study).resume().objective(objective);
                    s.run();
                } catch (RuntimeException e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return trials / ((System.nanoTime() - t0) / 1e9) * 3600;
    }
}
