package io.fluentdl.internal.dl4j.schedule;

import static io.fluentdl.schedule.ScheduleExamples.ITERS_PER_EPOCH;
import static io.fluentdl.schedule.ScheduleExamples.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fluentdl.internal.dl4j.ScheduleTranslator;
import io.fluentdl.schedule.LearningRate;
import io.fluentdl.schedule.OneCycle;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.ScheduleExamples;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;

/** A network's JSON keeps our schedules: conf → toJson → fromJson gives an equal conf and the same rates. */
class Dl4jJsonRoundTripTest {

    static Stream<Arguments> schedules() {
        return ScheduleExamples.all().entrySet().stream()
                .filter(e -> ScheduleTranslator.toDl4j(e.getValue()) != null)
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static MultiLayerConfiguration tinyNet(IUpdater updater) {
        return new NeuralNetConfiguration.Builder()
                .updater(updater)
                .list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(2).build())
                // OutputLayer's default is softmax + MCXENT, which DL4J rejects for nOut=1 at build()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID)
                        .nIn(2).nOut(1).build())
                .build();
    }

    static IUpdater updaterOf(MultiLayerConfiguration conf, int layer) {
        return ((BaseLayer) conf.getConf(layer).getLayer()).getIUpdater();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void sgdScheduleSurvivesNetworkJson(String name, LearningRate rate) {
        ISchedule schedule = ScheduleTranslator.toDl4j(rate);
        MultiLayerConfiguration conf = tinyNet(new Sgd(schedule));
        String json = conf.toJson();

        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);

        assertEquals(conf, back, json);
        for (int layer = 0; layer < 2; layer++) {
            ISchedule restored = assertInstanceOf(Sgd.class, updaterOf(back, layer)).getLearningRateSchedule();
            assertEquals(schedule, restored);
            for (int i = 0; i < 400; i += 3) {
                int epoch = i / ITERS_PER_EPOCH;
                // lossless: bit-identical to the schedule before JSON; the spec agrees to rounding (DL4J's own
                // ExponentialSchedule, used for ExponentialDecay, computes (r^(1/T))^t, not r^(t/T))
                assertEquals(schedule.valueAt(i, epoch), restored.valueAt(i, epoch), 0.0, name + " at " + i);
                assertClose(rate.valueAt(i, epoch), restored.valueAt(i, epoch), name + " vs spec at " + i);
            }
        }
        assertEquals(json, back.toJson(), "second serialisation is identical");
    }

    @Test
    void nesterovsKeepsOneCycleRateAndMomentumSchedules() {
        OneCycle oneCycle = OneCycle.max(0.1).over(Period.iterations(100));
        Nesterovs nesterovs = new Nesterovs(ScheduleTranslator.toDl4j(oneCycle), ScheduleTranslator.momentumToDl4j(oneCycle));

        MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(tinyNet(nesterovs).toJson());

        Nesterovs restored = assertInstanceOf(Nesterovs.class, updaterOf(back, 0));
        assertEquals(nesterovs.getLearningRateSchedule(), restored.getLearningRateSchedule());
        assertEquals(nesterovs.getMomentumISchedule(), restored.getMomentumISchedule());
        for (int i = 0; i <= 100; i += 5) {
            assertEquals(oneCycle.momentumAt(i, 0), restored.currentMomentum(i, 0), 0.0, "momentum at " + i);
            assertEquals(oneCycle.valueAt(i, 0), restored.getLearningRate(i, 0), 0.0, "rate at " + i);
        }
    }
}
