package io.fluentdl;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.callbacks.EarlyStopping;
import io.fluentdl.callbacks.ReduceLROnPlateau;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.optim.Adam;
import io.fluentdl.optim.Optimizer;
import io.fluentdl.optim.Sgd;
import io.fluentdl.schedule.CosineRestarts;
import io.fluentdl.schedule.Cyclical;
import io.fluentdl.schedule.LinearDecay;
import io.fluentdl.schedule.OneCycle;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.StepDecay;
import io.fluentdl.schedule.Warmup;
import io.fluentdl.train.Metric;
import java.util.List;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import org.junit.jupiter.api.Test;

/** The README's Java snippets, so they keep compiling and mean what the README says. */
class ReadmeSnippetsTest {

    @Test
    void tenLinesOfJava() {
        ModelSpec spec = Sequential.named("bn-case-study")
                .input(2)
                .dense(50, RELU, HE_UNIFORM)
                .batchNorm()
                .output(1, SIGMOID, BINARY_CROSSENTROPY)
                .batchNormPlacement(BnPlacement.BEFORE_ACTIVATION)
                .optimizer(Sgd.of(0.01).momentum(0.9))
                .seed(1)
                .build();
        assertEquals(351, spec.params().total());
    }

    @Test
    void scheduleLines() {
        int n = 1000;
        List<Optimizer> optimizers = List.of(
                Adam.of(CosineRestarts.peak(1e-3).firstPeriod(Period.epochs(2)).periodMultiplier(2.0).minLearningRate(1e-5)),
                Sgd.of(LinearDecay.of(0.1, 0.001, Period.epochs(50))).momentum(0.9),
                Sgd.of(Cyclical.triangular2(1e-3, 1e-1, Period.epochs(4))),
                Sgd.oneCycle(OneCycle.max(0.1).over(Period.iterations(n))),
                Adam.of(Warmup.linear(Period.epochs(2), 0.0).then(StepDecay.of(1e-3, 0.1, Period.epochs(30)))));
        for (Optimizer o : optimizers) {
            ModelSpec spec = Specs.caseStudy(BnPlacement.NONE).toBuilder().optimizer(o).build();
            assertEquals(spec, ModelSpec.fromJson(spec.toJson()));
            Model.of(spec); // translates to DL4J
        }
    }

    @Test
    void callbackLines() {
        Dataset data = Circles.dataset(200, 0.1, 1);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.monitor(Metric.VAL_LOSS).factor(0.1).patience(10);
        EarlyStopping stop = EarlyStopping.monitor(Metric.VAL_LOSS).patience(5).restoreBestWeights(true);
        assertTrue(plateau.toString().startsWith("ReduceLROnPlateau(monitor=val_loss, mode=MIN,"), plateau::toString);
        assertTrue(stop.toString().startsWith("EarlyStopping(monitor=val_loss, mode=MIN,"), stop::toString);
    }

    @Test
    void freezingSnippetFreezesWhatItSays() {
        ModelSpec spec = Sequential.named("m").input(784)
                .dense(256, RELU, HE_UNIFORM).batchNorm()
                .dense(64, RELU, HE_UNIFORM, d -> d.name("d1"))
                .output(10, io.fluentdl.nn.Activation.SOFTMAX, io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY)
                .freeze("dense_1", "batch_norm_1")
                .build();
        assertEquals(List.of("dense_1", "batch_norm_1"), spec.frozen());
        // dense_1 785·256 = 200,960 and BN 4·256 = 1,024 all frozen; d1 257·64 = 16,448 and output 65·10 = 650 train
        assertEquals(new io.fluentdl.report.ParamCount(219_082, 17_098, 201_984), spec.params());
        Model tuned = Model.of(spec).unfreeze("dense_1").freeze("d1");
        assertEquals(List.of("batch_norm_1", "d1"), tuned.spec().frozen());
    }
}
