package io.fluentdl.lrfinder;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.ModelSpec;
import io.fluentdl.Sequential;
import io.fluentdl.Specs;
import io.fluentdl.data.Circles;
import io.fluentdl.data.Dataset;
import io.fluentdl.data.Mnist;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.layers.BnPlacement;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Loss;
import io.fluentdl.lrfinder.LrRangeResult.Point;
import io.fluentdl.optim.Sgd;
import io.fluentdl.schedule.Period;
import io.fluentdl.schedule.StepDecay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

/** The LR range test: its rates, its smoothing, its stop rule, its suggestions, and that the model is untouched. */
class LrRangeTestTest {

    private static final Dataset CIRCLES = Circles.dataset(1000, 0.1, 1).slice(0, 500);

    /** The case study's MLP, Dense(50, relu) → Dense(1, sigmoid), with SGD and classical momentum 0.9. */
    private static Model caseStudy() {
        return Model.of(Specs.caseStudy(BnPlacement.NONE));
    }

    @Test
    void ratesRiseExponentiallyFromLowToHigh() {
        LrRangeTest test = LrRangeTest.on(caseStudy()).from(1e-6).to(1.0).iterations(61);
        assertEquals(1e-6, test.learningRateAt(0), 1e-18);
        assertEquals(1e-3, test.learningRateAt(30), 1e-15);
        assertEquals(1.0, test.learningRateAt(60), 1e-12);

        LrRangeResult r = test.divergeFactor(1e9).run(CIRCLES, 32);
        assertEquals(61, r.points().size());
        for (int i = 0; i < r.points().size(); i++) {
            Point p = r.points().get(i);
            assertEquals(i, p.iteration());
            assertEquals(test.learningRateAt(i), p.learningRate(), 0.0);
            if (i > 0) {
                assertTrue(p.learningRate() > r.points().get(i - 1).learningRate(), "rates must rise at " + i);
            }
        }
    }

    @Test
    void smoothedLossIsTheBiasCorrectedMovingAverage() {
        LrRangeResult r = LrRangeTest.on(caseStudy()).from(1e-4).to(1e-1).iterations(30).smoothing(0.9).run(CIRCLES, 32);
        double average = 0;
        for (Point p : r.points()) {
            average = 0.9 * average + 0.1 * p.loss();
            assertEquals(average / (1 - Math.pow(0.9, p.iteration() + 1)), p.smoothedLoss(), 1e-12);
        }
        assertEquals(r.points().get(0).loss(), r.points().get(0).smoothedLoss(), 1e-12);   // no bias towards 0
    }

    /**
     * Linear regression y = x·w* + noise (8 standard-normal features, noise σ 0.1) with one identity unit
     * and MSE: a quadratic whose Hessian 2·XᵀX/n ≈ 2·I makes plain SGD unstable from lr ≈ 2/λ_max ≈ 1
     * (a little earlier on a 32-row batch). The curve must fall to near the noise floor, then explode
     * past that threshold, and both suggestions must lie below it.
     */
    @Test
    void onAQuadraticTheLossDivergesPastTheStabilityLimit() {
        Model regression = Model.of(Sequential.named("linear-regression")
                .input(8)
                .output(1, Activation.IDENTITY, Loss.MSE)
                .optimizer(Sgd.of(0.01))
                .seed(5)
                .build());
        LrRangeResult r = LrRangeTest.on(regression).from(1e-4).to(1e2).iterations(200).run(linearData(1024, 8, 0.1), 64);
        Point last = r.points().get(r.points().size() - 1);
        System.out.printf("linear regression: steepest=%s minOver10=%s min %.4f at lr=%s, stopped at lr=%s (%s)%n",
                r.suggestedSteepest(), r.suggestedMinOver10(), r.minimum().smoothedLoss(), r.minimum().learningRate(),
                last.learningRate(), r.stopReason());
        assertTrue(r.stoppedEarly(), r.stopReason());
        assertBetween(0.3, 20, last.learningRate());
        assertTrue(last.loss() > 4 * r.minimum().smoothedLoss());
        assertTrue(r.minimum().smoothedLoss() < 0.2 * r.points().get(0).loss(),
                () -> String.format("it should learn: %s vs %s", r.minimum(), r.points().get(0)));
        assertBetween(1e-4, 1.0, r.suggestedSteepest());
        assertBetween(1e-4, 1.0, r.suggestedMinOver10());
    }

    /**
     * The case-study MLP on the circles: in 200 mini-batches it barely leaves the chance loss ln 2
     * (the case study needs ~30 epochs), so the curve is flat noise until it explodes. The min/10 rule
     * still lands in the sane band; the steepest-slope point is noise there and is not asserted.
     */
    @Test
    void caseStudyLossExplodesAtHighRates() {
        LrRangeResult r = LrRangeTest.on(caseStudy()).from(1e-5).to(1e3).iterations(200).run(CIRCLES, 32);
        assertTrue(r.stoppedEarly(), r.stopReason());
        Point last = r.points().get(r.points().size() - 1);
        assertTrue(last.smoothedLoss() > 4 * r.minimum().smoothedLoss(), r.stopReason());
        assertTrue(last.learningRate() > 1.0, r.stopReason());
        assertBetween(1e-4, 1.0, r.suggestedMinOver10());
    }

    private static Dataset linearData(int n, int d, double noise) {
        java.util.Random random = new java.util.Random(7);
        float[][] x = new float[n][d];
        float[][] y = new float[n][1];
        for (int i = 0; i < n; i++) {
            double target = 0;
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) random.nextGaussian();
                target += x[i][j] * (j % 2 == 0 ? 1.0 : -0.5);
            }
            y[i][0] = (float) (target + noise * random.nextGaussian());
        }
        return Model.dataset(Nd4j.create(x), Nd4j.create(y));
    }

    @Test
    void theModelIsLeftExactlyAsItWas() {
        ModelSpec spec = Specs.caseStudy(BnPlacement.AFTER_ACTIVATION).toBuilder()
                .optimizer(Sgd.of(StepDecay.of(0.05, 0.5, Period.epochs(1))).momentum(0.9)).build();
        Model tested = Model.of(spec);
        Model twin = Model.of(spec);
        tested.fit(CIRCLES, 2, 32);
        twin.fit(CIRCLES, 2, 32);
        MultiLayerNetwork net = tested.network();
        INDArray params = net.params().dup();
        INDArray state = net.getUpdater().getStateViewArray().dup();
        IUpdater updater = updaterOf(net).clone();
        int iteration = net.getIterationCount();
        int epoch = net.getEpochCount();

        LrRangeResult r = LrRangeTest.on(tested).from(1e-3).to(1e3).iterations(50).run(CIRCLES, 32);

        assertFalse(r.points().isEmpty());
        assertEquals(params, net.params(), "weights and BN statistics");
        assertEquals(state, net.getUpdater().getStateViewArray(), "updater state (momentum)");
        assertEquals(updater, updaterOf(net), "learning rate and its schedule");
        assertEquals(iteration, net.getIterationCount());
        assertEquals(epoch, net.getEpochCount());
        // nothing else hidden changed either: training on gives exactly what the twin gives
        tested.fit(CIRCLES, 1, 32);
        twin.fit(CIRCLES, 1, 32);
        assertEquals(twin.network().params(), net.params());
    }

    @Test
    void suggestionsFollowTheirRulesOnAKnownCurve() {
        // s = 2 − tanh(3·(log10 lr + 2)) for lr ≤ 1e-1, then rising: steepest at 1e-2, minimum at 1e-1
        List<Point> points = new java.util.ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            double lr = Math.pow(10, -5 + i / 10.0);
            double x = Math.log10(lr);
            double s = x <= -1 ? 2 - Math.tanh(3 * (x + 2)) : 2 - Math.tanh(3) + 5 * (x + 1);
            points.add(new Point(i, lr, s, s));
        }
        LrRangeResult r = new LrRangeResult(points, true, "made by hand");
        assertEquals(1e-2, r.suggestedSteepest(), 1e-2 * 0.3);    // within one grid step (10^0.1)
        assertEquals(1e-2, r.suggestedMinOver10(), 1e-12);
        assertEquals(1e-1, r.minimum().learningRate(), 1e-12);
    }

    @Test
    void tooShortACurveIsExplained() {
        LrRangeResult r = new LrRangeResult(List.of(new Point(0, 1e-3, 1, 1)), true, "the loss became NaN at iteration 1");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, r::suggestedSteepest);
        assertEquals("LrRangeResult: a suggestion needs at least 3 points, got points=1 (the loss became NaN at iteration 1). "
                + "Lower from(...) or raise divergeFactor(...) so the test runs longer.", e.getMessage());
    }

    @Test
    void badSettingsAreRejected() {
        LrRangeTest test = LrRangeTest.on(caseStudy());
        assertEquals("from", assertThrows(InvalidConfigException.class, () -> test.from(0)).problems().get(0).parameter());
        assertEquals("iterations", assertThrows(InvalidConfigException.class, () -> test.iterations(1)).problems().get(0).parameter());
        assertEquals("smoothing", assertThrows(InvalidConfigException.class, () -> test.smoothing(1.0)).problems().get(0).parameter());
        assertEquals("divergeFactor", assertThrows(InvalidConfigException.class, () -> test.divergeFactor(1.0)).problems().get(0).parameter());
        InvalidConfigException range = assertThrows(InvalidConfigException.class,
                () -> test.from(1.0).to(1e-3).run(CIRCLES, 32));
        assertEquals("LrRangeTest: the range must rise, got from=1.0, to=0.001.", range.getMessage());
    }

    /** The lecture-style MNIST MLP with SGD + momentum 0.9 on the first 2,000 training images. */
    @Test
    void mnistSuggestionIsSane() {
        Dataset train = Mnist.load(Mnist.shipped().orElseThrow(), 2000, 1).train();
        ModelSpec mlp = Sequential.named("mnist-mlp")
                .input(28 * 28)
                .dense(512, RELU, HE_UNIFORM)
                .dense(512, RELU, HE_UNIFORM)
                .output(10, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Sgd.of(0.01).momentum(0.9))
                .seed(42)
                .build();
        long start = System.nanoTime();
        LrRangeResult r = LrRangeTest.on(Model.of(mlp)).run(train, 100);
        System.out.printf("MNIST MLP SGD+momentum: steepest=%s minOver10=%s min at lr=%s, %d points, stoppedEarly=%s (%s), %.1f s%n",
                r.suggestedSteepest(), r.suggestedMinOver10(), r.minimum().learningRate(), r.points().size(),
                r.stoppedEarly(), r.stopReason(), (System.nanoTime() - start) / 1e9);
        assertBetween(1e-3, 1.0, r.suggestedSteepest());
        assertBetween(1e-3, 1.0, r.suggestedMinOver10());
    }

    private static IUpdater updaterOf(MultiLayerNetwork net) {
        return ((BaseLayer) net.getLayer(0).conf().getLayer()).getIUpdater();
    }

    private static void assertBetween(double low, double high, double value) {
        assertTrue(value >= low && value <= high, String.format("expected %s in [%s, %s]", value, low, high));
    }
}
