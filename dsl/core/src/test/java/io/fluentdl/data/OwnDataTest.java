package io.fluentdl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.errors.InvalidConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own data: Java arrays, CSV files, split and normalise, with hand-computed numbers. */
class OwnDataTest {

    @TempDir
    Path temp;

    @Test
    void classLabelsBecomeOneHotRowsWithTheLargestLabelSettingTheWidth() {
        Dataset data = Dataset.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new int[] {2, 0, 1});
        assertEquals(3, data.size());
        assertEquals(3, data.numLabelColumns());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, data.arrays().labels().dup().data().asFloat());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, data.arrays().features().dup().data().asFloat());
    }

    @Test
    void targetsAreKeptAsGivenForRegressionAndMultiLabel() {
        Dataset regression = Dataset.of(new float[][] {{1f}, {2f}}, new float[][] {{0.5f}, {-1.5f}});
        assertEquals(1, regression.numLabelColumns());
        assertEquals(-1.5, regression.arrays().labels().getDouble(1, 0), 0.0);
        Dataset multi = Dataset.of(new double[][] {{1}, {2}}, new double[][] {{1, 0, 1}, {0, 1, 1}});
        assertEquals(3, multi.numLabelColumns());
    }

    @Test
    void badArraysAreOneLineEach() {
        assertEquals("Dataset.of, example 1: a class label must be in [0, 2], got label=3.",
                assertThrows(InvalidConfigException.class,
                        () -> Dataset.of(new double[][] {{1}, {2}}, new int[] {0, 3}, 3)).getMessage());
        assertEquals("Dataset.of, features row 1: every row needs the first row's 2 columns (at least 1), got columns=1.",
                assertThrows(InvalidConfigException.class,
                        () -> Dataset.of(new double[][] {{1, 2}, {3}}, new int[] {0, 1})).getMessage());
        assertEquals("Dataset.of: there must be one label per example, got examples=2, labels=1.",
                assertThrows(InvalidConfigException.class,
                        () -> Dataset.of(new double[][] {{1}, {2}}, new int[] {0})).getMessage());
        assertEquals("Dataset.of: a data set needs at least one example, got features=0 rows.",
                assertThrows(InvalidConfigException.class,
                        () -> Dataset.of(new double[0][], new int[0])).getMessage());
    }

    @Test
    void csvWithHeaderNamesClassesInSortedOrder() throws IOException {
        Path file = write("flowers.csv", """
                length,width,species
                1.0,2.0,versicolor
                3.5,"4",setosa

                5,6,versicolor
                """);
        Dataset data = Dataset.fromCsv(file, "species", CsvOptions.defaults());
        assertEquals(3, data.size());
        assertEquals(List.of("length", "width"), data.featureNames());
        assertEquals(List.of("setosa", "versicolor"), data.classNames());
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1}, data.arrays().labels().dup().data().asFloat());
        assertArrayEquals(new float[] {1, 2, 3.5f, 4, 5, 6}, data.arrays().features().dup().data().asFloat());
    }

    @Test
    void numericClassLabelsSortNumericallyAndRegressionKeepsTheNumber() throws IOException {
        Path file = write("n.csv", "10;1\n9;2\n10;3\n");
        Dataset classes = Dataset.fromCsv(file, 0, CsvOptions.defaults().noHeader().delimiter(';'));
        assertEquals(List.of("9", "10"), classes.classNames());
        assertEquals(List.of("column_2"), classes.featureNames());
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1}, classes.arrays().labels().dup().data().asFloat());
        Dataset regression = Dataset.fromCsv(file, 0, CsvOptions.defaults().noHeader().delimiter(';').regression());
        assertArrayEquals(new float[] {10, 9, 10}, regression.arrays().labels().dup().data().asFloat());
    }

    @Test
    void aBadCellIsOneLineWithFileLineColumnAndValue() throws IOException {
        Path file = write("bad.csv", "a,b,label\n1,2,x\n3,abc,y\n");
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Dataset.fromCsv(file, "label", CsvOptions.defaults()));
        assertEquals(String.format("CSV '%s', line 3, column 2 ('b'): a feature cell must be a finite number, got value='abc'. "
                + "Fix the cell, or drop the row or column.", file), e.getMessage());
        assertEquals("abc", e.problems().get(0).value());
    }

    @Test
    void otherCsvMistakesNameWhereTheyAre() throws IOException {
        Path shortRow = write("short.csv", "a,b,label\n1,2,x\n3,y\n");
        assertEquals(String.format("CSV '%s', line 3: every row needs 3 cells like the header, got cells=2. "
                        + "Fix the row, or check the delimiter (CsvOptions.delimiter).", shortRow),
                assertThrows(InvalidConfigException.class,
                        () -> Dataset.fromCsv(shortRow, "label", CsvOptions.defaults())).getMessage());
        assertEquals(String.format("CSV '%s': the header has no column 'class'; columns: a, b, label. Pass one of those names.",
                        shortRow),
                assertThrows(InvalidConfigException.class,
                        () -> Dataset.fromCsv(shortRow, "class", CsvOptions.defaults())).getMessage());
        Path nan = write("nan.csv", "a,label\nNaN,x\n");
        assertTrue(assertThrows(InvalidConfigException.class, () -> Dataset.fromCsv(nan, "label", CsvOptions.defaults()))
                .getMessage().contains("line 2, column 1 ('a'): a feature cell must be a finite number, got value='NaN'"));
        Path missing = temp.resolve("missing.csv");
        assertEquals(String.format("CSV '%s': the file does not exist. Check the path.", missing),
                assertThrows(InvalidConfigException.class,
                        () -> Dataset.fromCsv(missing, "label", CsvOptions.defaults())).getMessage());
    }

    @Test
    void aReaderSourceIsNamedInErrors() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Dataset.fromCsv(
                new StringReader("x,y\n1,\"2\n"), "inline", "y", CsvOptions.defaults()));
        assertEquals("CSV 'inline', line 2: a quoted cell is not closed on its line. "
                + "Close the quote (a quote inside a quoted cell is written \"\").", e.getMessage());
    }

    @Test
    void splitShufflesBySeedAndKeepsEveryExampleOnce() {
        double[][] x = new double[10][1];
        int[] y = new int[10];
        for (int i = 0; i < 10; i++) {
            x[i][0] = i;
            y[i] = i % 2;
        }
        Dataset data = Dataset.of(x, y);
        Split split = data.split(0.7, 3);
        assertEquals(7, split.train().size());
        assertEquals(3, split.test().size());
        Set<Float> seen = new HashSet<>();
        for (float v : split.train().arrays().features().dup().data().asFloat()) {
            seen.add(v);
        }
        for (float v : split.test().arrays().features().dup().data().asFloat()) {
            seen.add(v);
        }
        assertEquals(10, seen.size());
        assertEquals(split.train().arrays().features(), data.split(0.7, 3).train().arrays().features(), "same seed, same split");
        assertEquals("Dataset.split: trainFraction must be in (0, 1) and leave at least one example on each side of 10, "
                + "got trainFraction=1.0.", assertThrows(InvalidConfigException.class, () -> data.split(1.0, 3)).getMessage());
    }

    @Test
    void normalizeUsesTheTrainingSetsMeanAndPopulationDeviationOnBothSides() {
        // train column 0: 1, 3 -> mean 2, std 1; column 1 constant 5 -> std taken as 1 (only centred)
        Dataset train = Dataset.of(new double[][] {{1, 5}, {3, 5}}, new int[] {0, 1});
        Dataset test = Dataset.of(new double[][] {{4, 7}}, new int[] {1}, 2);
        Split normalized = new Split(train, test).normalize();
        assertArrayEquals(new float[] {-1, 0, 1, 0}, normalized.train().arrays().features().dup().data().asFloat(), 1e-6f);
        assertArrayEquals(new float[] {2, 2}, normalized.test().arrays().features().dup().data().asFloat(), 1e-6f);
        assertEquals(train.arrays().labels(), normalized.train().arrays().labels());
        assertArrayEquals(new double[] {2, 5}, Normalizer.fit(train).mean(), 0.0);
        assertArrayEquals(new double[] {1, 1}, Normalizer.fit(train).std(), 0.0);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }
}
