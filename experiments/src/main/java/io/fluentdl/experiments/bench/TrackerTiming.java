package io.fluentdl.experiments.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.Model;
import io.fluentdl.data.Dataset;
import io.fluentdl.track.Tracker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The tracker's cost: the same DSL model trained with and without a {@link Tracker} (its DL4J
 * listener at the default step interval, and the epoch adapter), interleaved, into a temporary folder.
 */
final class TrackerTiming {

    private TrackerTiming() {
    }

    static ObjectNode run(Dataset train, int warmups, int repeats, ObjectMapper mapper, PrintStream out) throws IOException {
        MlpWorkload w = new MlpWorkload(false, MlpWorkload.Optim.ADAM, 128);
        Path dir = Files.createTempDirectory("fluentdl-bench-track");
        double[] plain = new double[repeats];
        double[] tracked = new double[repeats];
        double[] ratio = new double[repeats];
        try (Tracker run = Tracker.in(dir).experiment("bench").name("tracker-overhead").config(w.dslSpec()).start()) {
            Model bare = Model.of(w.dslSpec());
            Model withTracker = Model.of(w.dslSpec());
            for (int r = -warmups; r < repeats; r++) {
                double a = 0;
                double b = 0;
                for (int k = 0; k < 2; k++) {
                    if ((k == 0) == (Math.floorMod(r, 2) == 0)) {
                        a = train.size() / bare.fit(train, 1, w.batchSize()).last().seconds();
                    } else {
                        b = train.size() / withTracker.fit(train, 1, w.batchSize(), run.callback()).last().seconds();
                    }
                }
                if (r >= 0) {
                    plain[r] = a;
                    tracked[r] = b;
                    ratio[r] = b / a;
                }
            }
            run.finish();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("available", true);
        node.put("workload", w.label());
        node.set("untrackedExamplesPerSec", mapper.valueToTree(Spread.of(plain)));
        node.set("trackedExamplesPerSec", mapper.valueToTree(Spread.of(tracked)));
        node.set("trackedOverUntracked", mapper.valueToTree(Spread.of(ratio)));
        out.printf("tracker: %s ex/s tracked vs %s untracked (%s), ratio %.3f (overhead %.1f%%)%n",
                Spread.of(tracked).format(), Spread.of(plain).format(), w.label(), Spread.of(ratio).median(),
                100 * (1 - Spread.of(ratio).median()));
        return node;
    }
}
