package io.fluentdl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.Model;
import io.fluentdl.Sequential;
import io.fluentdl.data.Dataset;
import io.fluentdl.errors.InvalidConfigException;
import io.fluentdl.nn.Activation;
import io.fluentdl.nn.Loss;
import io.fluentdl.optim.Adam;
import io.fluentdl.train.EpochMetrics;
import io.fluentdl.train.History;
import io.fluentdl.train.Metric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** ModelCheckpoint, CsvLogger, the per-epoch progress line, validationSplit and predictClasses. */
class TrainingConveniencesTest {

    @TempDir
    Path dir;

    private static Dataset data(int n) {
        float[][] x = new float[n][2];
        float[][] y = new float[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = (float) Math.sin(i);
            x[i][1] = (float) Math.cos(3 * i);
            y[i][x[i][0] > 0 ? 1 : 0] = 1;
        }
        return Model.dataset(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
    }

    private static Model model() {
        return Model.of(Sequential.named("conv").input(2).dense(8, Activation.TANH)
                .output(2, Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY).optimizer(Adam.of(0.05)).seed(3).build())
                .verbose(0);
    }

    @Test
    void checkpointSavesOnlyImprovingEpochsAndTheFileHoldsThatEpochsWeights() {
        Model model = model();
        Path best = dir.resolve("best.zip");
        ModelCheckpoint checkpoint = ModelCheckpoint.to(best, Metric.VAL_LOSS, true);
        Dataset d = data(100);
        History h = model.fit(d.first(80), 6, 16, d.slice(80, 100), checkpoint);
        int bestEpoch = 1;
        for (EpochMetrics m : h.epochs()) {
            if (m.validationLoss() < h.epochs().get(bestEpoch - 1).validationLoss()) {
                bestEpoch = m.epoch();
            }
        }
        assertEquals(bestEpoch, checkpoint.savedEpoch());
        assertEquals(h.epochs().get(bestEpoch - 1).validationLoss(), Model.load(best).evaluate(d.slice(80, 100)).loss(), 1e-6);
    }

    @Test
    void checkpointEveryEpochFillsTheEpochIntoTheName() {
        Model model = model();
        model.fit(data(40), 3, 16, ModelCheckpoint.to(dir.resolve("m-{epoch}.zip"), Metric.LOSS, false));
        for (int e = 1; e <= 3; e++) {
            assertTrue(Files.isRegularFile(dir.resolve("m-" + e + ".zip")), "epoch " + e);
        }
    }

    @Test
    void checkpointOnValidationWithoutValidationDataSaysSo() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> model().fit(data(40), 1, 16, ModelCheckpoint.to(dir.resolve("x.zip"), Metric.VAL_LOSS, true)));
        assertTrue(e.getMessage().startsWith("ModelCheckpoint: monitor=val_loss needs validation data"), e.getMessage());
    }

    @Test
    void csvLoggerWritesKerasColumnsOneRowPerEpoch() throws IOException {
        Path csv = dir.resolve("log.csv");
        Model model = model();
        Dataset d = data(60);
        History h = model.fit(d.first(40), 2, 16, d.slice(40, 60), CsvLogger.to(csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,learning_rate", lines.get(0));
        assertEquals(3, lines.size());
        String[] second = lines.get(2).split(",");
        assertEquals("2", second[0]);
        assertEquals(h.epochs().get(1).trainLoss(), Double.parseDouble(second[1]), 0.0);
        assertEquals(h.epochs().get(1).validationAccuracy(), Double.parseDouble(second[4]), 0.0);
        model.fit(d.first(40), 1, 16, d.slice(40, 60), CsvLogger.to(csv).append(true));
        assertEquals(4, Files.readAllLines(csv).size(), "appended without a second header");
    }

    @Test
    void progressLineReadsAsKerasVerbose() {
        EpochMetrics m = new EpochMetrics(3, 0.04123, 0.98712, 0.0398, 0.988, 12.44, 0.001, Map.of("auc", 0.9991));
        assertEquals("Epoch 3/15 - 12.4s - loss: 0.0412 - accuracy: 0.9871 - val_loss: 0.0398 - val_accuracy: 0.9880 - auc: 0.9991",
                ProgressLogger.line(m, 15));
    }

    @Test
    void verboseOnePrintsOneLinePerEpochAndZeroNothing() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            model().verbose(1).fit(data(40), 2, 16);
            model().verbose(0).fit(data(40), 2, 16);
        } finally {
            System.setOut(original);
        }
        String[] lines = captured.toString().strip().split("\n");
        assertEquals(2, lines.length, captured.toString());
        assertTrue(lines[1].startsWith("Epoch 2/2 - ") && lines[1].contains(" - loss: "), lines[1]);
    }

    @Test
    void validationSplitHoldsOutTheLastExamplesBeforeShuffling() {
        Dataset d = data(50);
        History split = model().fit(d, 2, 16, 0.2);
        History explicit = model().fit(d.slice(0, 40), 2, 16, d.slice(40, 50));
        assertEquals(explicit, withoutTimes(split, explicit));
        assertThrows(InvalidConfigException.class, () -> model().fit(d, 1, 16, 1.0));
    }

    private static History withoutTimes(History h, History like) {
        List<EpochMetrics> epochs = new java.util.ArrayList<>();
        for (int i = 0; i < h.epochs().size(); i++) {
            EpochMetrics m = h.epochs().get(i);
            epochs.add(new EpochMetrics(m.epoch(), m.trainLoss(), m.trainAccuracy(), m.validationLoss(), m.validationAccuracy(),
                    like.epochs().get(i).seconds(), m.learningRate(), m.metrics()));
        }
        return new History(epochs, h.stopped());
    }

    @Test
    void predictClassesIsTheArgmaxOrTheThreshold() {
        Model model = model();
        Dataset d = data(30);
        model.fit(d, 20, 10);
        int[] classes = model.predictClasses(Model.features(d));
        long[] argmax = model.predict(Model.features(d)).argMax(1).toLongVector();
        for (int i = 0; i < classes.length; i++) {
            assertEquals(argmax[i], classes[i]);
        }
        Model binary = Model.of(Sequential.named("b").input(2).output(1, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY, o -> o)
                .seed(1).build());
        float[] p = binary.predict(Model.features(d)).dup('c').data().asFloat();
        int[] bc = binary.predictClasses(Model.features(d));
        for (int i = 0; i < bc.length; i++) {
            assertEquals(p[i] >= 0.5f ? 1 : 0, bc[i]);
        }
        Model regression = Model.of(Sequential.named("r").input(2).output(1, Activation.IDENTITY, Loss.MSE).build());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> regression.predictClasses(Nd4j.zeros(DataType.FLOAT, 1, 2)));
        assertTrue(e.getMessage().contains("a REGRESSION output has no single class"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
