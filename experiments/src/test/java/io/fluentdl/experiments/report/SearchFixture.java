package io.fluentdl.experiments.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fluentdl.track.Json;
import io.fluentdl.experiments.results.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A search's results.json in the report's contract (see the package docs), made up but shaped like
 * {@code ./fluentdl search}'s: a log-uniform learning rate, a one-minus-log momentum, integer units, a
 * categorical activation; complete, pruned and failed trials; importance.
 */
final class SearchFixture {

    static final int TRIALS = 24;

    private SearchFixture() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(7);
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("sweep", "circles-search");
        root.put("description", "Made-up search for the report tests.");
        root.put("metric", "val_accuracy");
        root.put("goal", "maximize");
        ArrayNode space = root.putArray("space");
        space.addObject().put("name", "learningRate").put("kind", "log_uniform").put("low", 1e-4).put("high", 1e-1);
        space.addObject().put("name", "momentum").put("kind", "one_minus_log_uniform").put("low", 0.9).put("high", 0.999);
        space.addObject().put("name", "units").put("kind", "int_range").put("low", 8).put("high", 128);
        ObjectNode activation = space.addObject().put("name", "activation").put("kind", "choice");
        activation.putArray("values").add("relu").add("tanh").add("elu");
        ArrayNode trials = root.putArray("trials");
        for (int i = 0; i < TRIALS; i++) {
            double lr = Math.pow(10, -4 + 3 * random.nextDouble());
            double momentum = 1 - Math.pow(10, -1 - 2 * random.nextDouble());
            int units = 8 + random.nextInt(121);
            String act = new String[] {"relu", "tanh", "elu"}[random.nextInt(3)];
            double score = 0.95 - 0.08 * Math.abs(Math.log10(lr) + 2) - 0.02 * random.nextDouble()
                    - (act.equals("tanh") ? 0.03 : 0);
            String status = i % 7 == 3 ? "PRUNED" : i == 11 ? "FAIL" : "COMPLETE";
            ObjectNode t = trials.addObject();
            t.put("number", i).put("round", i < 16 ? 0 : 1).put("status", status);
            if (status.equals("FAIL")) {
                t.putNull("score");
            } else {
                t.put("score", status.equals("PRUNED") ? score - 0.1 : score);
            }
            t.putObject("params").put("learningRate", lr).put("momentum", momentum).put("units", units)
                    .put("activation", act);
            t.put("epochs", status.equals("COMPLETE") ? 9 : 3).put("seconds", 2 + random.nextDouble() * 5);
        }
        ArrayNode importance = root.putArray("importance");
        importance.addObject().put("name", "learningRate").put("share", 0.71).put("spearman", 0.12);
        importance.addObject().put("name", "activation").put("share", 0.17).putNull("spearman");
        importance.addObject().put("name", "momentum").put("share", 0.08).put("spearman", -0.05);
        importance.addObject().put("name", "units").put("share", 0.04).put("spearman", 0.02);
        Json.write(RunFiles.results(dir), root);
        return dir;
    }
}
