package io.fluentdl;

import static io.fluentdl.nn.Activation.RELU;
import static io.fluentdl.nn.Activation.SIGMOID;
import static io.fluentdl.nn.Activation.SOFTMAX;
import static io.fluentdl.nn.Init.HE_UNIFORM;
import static io.fluentdl.nn.Loss.BINARY_CROSSENTROPY;
import static io.fluentdl.nn.Loss.CATEGORICAL_CROSSENTROPY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Sgd;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Keras' sample_weight and class_weight: what DL4J scores, what the gradients are, and the checks. */
class SampleWeightsTest {

    private static final int N = 12;

    /** N examples, 2 features, 2 classes (one-hot); class 1 for every third example. */
    private static Dataset data() {
        double[][] x = new double[N][];
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            x[i] = new double[] {Math.sin(i), Math.cos(1.7 * i)};
            y[i] = i % 3 == 0 ? 1 : 0;
        }
        return Dataset.of(x, y, 2);
    }

    private static double[] weights() {
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            w[i] = 0.25 * (i % 4); // 0, 0.25, 0.5, 0.75: sum 4.5, not N
        }
        return w;
    }

    private static ModelSpec softmax() {
        return Sequential.named("weighted").input(2).dense(5, RELU, HE_UNIFORM).output(2, SOFTMAX, CATEGORICAL_CROSSENTROPY)
                .optimizer(Sgd.of(0.1)).seed(3).build();
    }

    /** The DL4J score of the first batch of {@code data} (all of it), as fit computes it. */
    private static double trainingScore(Model model, Dataset data) {
        DataSet batch = Model.batchesInOrder(data, N).next();
        MultiLayerNetwork net = model.network();
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.setLayerMaskArrays(null, batch.getLabelsMaskArray());
        net.computeGradientAndScore();
        return net.score();
    }

    @Test
    void dl4jScoresTheWeightedSumOverTheBatchSizeAsKeras() {
        Model model = Model.of(softmax());
        Dataset plain = data();
        double[] w = weights();
        float[] p = model.predict(Model.features(plain)).dup('c').data().asFloat();
        float[] y = Model.labels(plain).dup('c').data().asFloat();
        double weightedSum = 0;
        double weightSum = 0;
        for (int i = 0; i < N; i++) {
            double ce = -(y[2 * i] * Math.log(p[2 * i]) + y[2 * i + 1] * Math.log(p[2 * i + 1]));
            weightedSum += w[i] * ce;
            weightSum += w[i];
        }
        double score = trainingScore(model, plain.withSampleWeights(w));
        // DL4J (as Keras' sum_over_batch_size) divides by the batch size, not by the sum of the weights
        assertEquals(weightedSum / N, score, 1e-5);
        assertNotEquals(weightedSum / weightSum, score, 1e-3);
    }

    @Test
    void weightTwoOnHalfAndZeroOnTheOtherGivesTheGradientsOfThatHalfAlone() {
        Dataset all = data();
        double[] w = new double[N];
        for (int i = 0; i < N / 2; i++) {
            w[i] = 2; // the division by N (not N/2) halves every term: weight 2 undoes it
        }
        Model weighted = Model.of(softmax());
        Model half = Model.of(softmax());
        trainingScore(weighted, all.withSampleWeights(w));
        INDArray g = weighted.network().getFlattenedGradients().dup();
        DataSet firstHalf = Model.batchesInOrder(all.slice(0, N / 2), N).next();
        half.network().setInput(firstHalf.getFeatures());
        half.network().setLabels(firstHalf.getLabels());
        half.network().computeGradientAndScore();
        INDArray h = half.network().getFlattenedGradients();
        // DL4J's gradient is the sum over the batch; its updater divides by the batch size (12 and 6 here)
        assertArrayEquals(h.div(N / 2).toFloatVector(), g.div(N).toFloatVector(), 1e-6f);

        // the same through fit: full-batch SGD on the weighted set equals it on the kept half
        Model fitWeighted = Model.of(softmax());
        Model fitHalf = Model.of(softmax());
        fitWeighted.fit(all.withSampleWeights(w), 3, N);
        fitHalf.fit(all.slice(0, N / 2), 3, N);
        assertArrayEquals(fitHalf.network().params().toFloatVector(), fitWeighted.network().params().toFloatVector(), 1e-6f);
    }

    @Test
    void classWeightEqualsSampleWeightsBuiltByHand() {
        Dataset d = data();
        float[] labels = Model.labels(d).dup('c').data().asFloat();
        double[] byHand = new double[N];
        for (int i = 0; i < N; i++) {
            byHand[i] = labels[2 * i + 1] == 1f ? 3.0 : 1.0;
        }
        Model fromClasses = Model.of(softmax()).classWeight(Map.of(0, 1.0, 1, 3.0));
        Model fromSamples = Model.of(softmax());
        fromClasses.fit(d, 3, 4);
        fromSamples.fit(d.withSampleWeights(byHand), 3, 4);
        assertEquals(fromSamples.network().params(), fromClasses.network().params());
        Model unweighted = Model.of(softmax());
        unweighted.fit(d, 3, 4);
        assertNotEquals(unweighted.network().params(), fromClasses.network().params());
    }

    @Test
    void classWeightMultipliesSampleWeightsAndReadsBinaryLabels() {
        double[][] x = new double[N][];
        double[][] y = new double[N][];
        double[] w = weights();
        double[] product = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = new double[] {Math.sin(i), Math.cos(i)};
            y[i] = new double[] {i % 2};
            product[i] = w[i] * (i % 2 == 1 ? 4.0 : 0.5);
        }
        Dataset d = Dataset.of(x, y);
        ModelSpec spec = Sequential.named("binary").input(2).output(1, SIGMOID, BINARY_CROSSENTROPY).optimizer(Sgd.of(0.1)).seed(2).build();
        Model both = Model.of(spec).classWeight(Map.of(0, 0.5, 1, 4.0));
        Model byHand = Model.of(spec);
        both.fit(d.withSampleWeights(w), 2, 5);
        byHand.fit(d.withSampleWeights(product), 2, 5);
        assertEquals(byHand.network().params(), both.network().params());
    }

    @Test
    void weightsStayWithTheirRowsThroughShufflesAndSlices() {
        double[][] x = new double[N][];
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = new double[] {i, 0};
            w[i] = 10 * i;
        }
        Dataset d = Dataset.of(x, new int[N], 2).withSampleWeights(w);
        DataSetIterator batches = Model.batches(d, 5, 7);
        int seen = 0;
        while (batches.hasNext()) {
            DataSet b = batches.next();
            for (int r = 0; r < b.numExamples(); r++) {
                assertEquals(10 * b.getFeatures().getFloat(r, 0), b.getLabelsMaskArray().getFloat(r, 0), 0f);
                seen++;
            }
        }
        assertEquals(N, seen);
        Dataset shuffled = d.shuffled(5);
        float[] firstColumn = Model.features(shuffled).getColumn(0).dup().toFloatVector();
        double[] shuffledWeights = shuffled.sampleWeights();
        for (int i = 0; i < N; i++) {
            assertEquals(10 * firstColumn[i], shuffledWeights[i], 0.0);
        }
        assertArrayEquals(new double[] {20, 30, 40}, d.slice(2, 5).sampleWeights(), 0.0);
        assertArrayEquals(new double[] {20, 30, 40}, d.view(2, 5).sampleWeights(), 0.0);
        assertTrue(d.split(0.5, 1).test().hasSampleWeights());
        assertFalse(data().hasSampleWeights());
        assertArrayEquals(new double[] {1, 1, 1}, data().first(3).sampleWeights(), 0.0);
    }

    @Test
    void dl4jsOwnOutputLayerAlsoScalesTheLogitsSoStockTakesOnlyZeroOrOne() {
        Dataset d = data();
        Model fast = Model.of(softmax());
        Model stock = Model.of(softmax()).engine(Engine.STOCK);
        // pinned: DL4J's OutputLayer multiplies the pre-activations by the labels mask, so weight 0.5 changes
        // the prediction it weighs; FluentDL's output layer applies it to the loss alone
        assertNotEquals(trainingScore(fast, d.withSampleWeights(weights())), trainingScore(stock, d.withSampleWeights(weights())), 1e-3);
        assertMessage(() -> stock.fit(d.withSampleWeights(weights()), 1, 4), "need the FAST engine");
        double[] zeroOne = new double[N];
        for (int i = 0; i < N; i += 2) {
            zeroOne[i] = 1;
        }
        fast.fit(d.withSampleWeights(zeroOne), 2, N);
        stock.fit(d.withSampleWeights(zeroOne), 2, N);
        assertArrayEquals(fast.network().params().toFloatVector(), stock.network().params().toFloatVector(), 1e-6f);
    }

    @Test
    void evaluationStaysUnweighted() {
        Model model = Model.of(softmax());
        Dataset d = data();
        assertEquals(model.evaluate(d).loss(), model.evaluate(d.withSampleWeights(weights())).loss(), 0.0);
    }

    @Test
    void badSampleWeightsFailWithOneLine() {
        Dataset d = data();
        assertMessage(() -> d.withSampleWeights(new double[N - 1]), "one weight per example, got examples=12, weights=11");
        assertMessage(() -> d.withSampleWeights(null), "weights=null");
        double[] negative = weights();
        negative[4] = -1;
        assertMessage(() -> d.withSampleWeights(negative), "example 4: a sample weight must be a finite number >= 0, got weight=-1.0");
        double[] nan = weights();
        nan[2] = Double.NaN;
        assertMessage(() -> d.withSampleWeights(nan), "got weight=NaN");
        double[] infinite = weights();
        infinite[0] = Double.POSITIVE_INFINITY;
        assertMessage(() -> d.withSampleWeights(infinite), "got weight=Infinity");
    }

    @Test
    void badClassWeightsFailWithOneLine() {
        Model model = Model.of(softmax());
        assertMessage(() -> model.classWeight(Map.of(0, 1.0, 2, 3.0)), "unknown class 2: this CLASSIFICATION output has classes 0..1");
        assertMessage(() -> model.classWeight(Map.of(-1, 1.0)), "unknown class -1");
        assertMessage(() -> model.classWeight(Map.of(1, -2.0)), "class 1: a class weight must be a finite number >= 0, got weight=-2.0");
        assertMessage(() -> model.classWeight(Map.of(1, Double.NaN)), "got weight=NaN");
        Map<Integer, Double> nullWeight = new HashMap<>();
        nullWeight.put(0, null);
        assertMessage(() -> model.classWeight(nullWeight), "got weight=null");
        assertMessage(() -> model.classWeight(null), "classWeight must not be null");
        Model regression = Model.of(Sequential.named("r").input(2).output(1, Activation.IDENTITY, Loss.MSE).build());
        assertMessage(() -> regression.classWeight(Map.of(0, 1.0)), "classWeight needs an output with classes");
        Model binary = Model.of(Sequential.named("b").input(2).output(1, SIGMOID, BINARY_CROSSENTROPY).build());
        assertMessage(() -> binary.classWeight(Map.of(2, 1.0)), "unknown class 2: this BINARY output has classes 0..1");
    }

    private static void assertMessage(Runnable call, String fragment) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertFalse(e.getMessage().strip().contains("\n\tat "), "one line, no stack trace");
    }
}
