package io.fluentdl.track;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Sgd;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's tracking snippet, so it keeps compiling and means what the README says. */
class ReadmeTrackingSnippetTest {

    @Test
    void trackingSnippet(@TempDir Path dir) throws Exception {
        ModelSpec spec = Sequential.named("bn-case-study")
                .input(2)
                .dense(50, RELU, HE_UNIFORM)
                .output(1, SIGMOID, BINARY_CROSSENTROPY)
                .batchNormPlacement(BnPlacement.AFTER_ACTIVATION)
                .optimizer(Sgd.of(0.01).momentum(0.9))
                .seed(1)
                .build();
        Dataset data = Circles.dataset(200, 0.1, 1);
        Dataset train = data.slice(0, 100);
        Dataset test = data.slice(100, 200);
        Path runDir;
        try (Tracker t = Tracker.in(dir.resolve("runs")).experiment("bn").name("bn-after").config(spec)
                .histogramEvery(25).start()) {
            Model model = Model.of(spec);
            model.fit(train, 2, 32, test, t.callback());
            t.finish(Map.of("test_accuracy", model.evaluate(test).accuracy()));
            runDir = t.dir();
        }
        assertEquals(2, RunReader.open(runDir).series(Scope.EPOCH, "val_accuracy").size());
    }
}
