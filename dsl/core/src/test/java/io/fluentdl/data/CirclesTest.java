package io.fluentdl.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.errors.InvalidConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

class CirclesTest {

    private static final String FIXTURE = "/data/circles-n1000-noise0.1-seed1.csv";

    @Test
    void caseStudyRowZeroMatchesScikitLearn() {
        Circles.Points points = Circles.points(1000, 0.1, 1);
        assertEquals(0.92787747788280328, points.x()[0][0], 1e-12);
        assertEquals(-0.045217306252341896, points.x()[0][1], 1e-12);
        assertEquals(1, points.y()[0]);
    }

    @Test
    void caseStudyHasFiveHundredPointsPerClass() {
        int[] y = Circles.points(1000, 0.1, 1).y();
        assertEquals(1000, y.length);
        assertEquals(500, java.util.Arrays.stream(y).filter(label -> label == 1).count());
        assertEquals(500, java.util.Arrays.stream(y).filter(label -> label == 0).count());
    }

    @Test
    void everyCaseStudyPointMatchesTheNumpyFixture() throws IOException {
        List<double[]> rows = readFixture();
        Circles.Points points = Circles.points(1000, 0.1, 1);
        assertEquals(rows.size(), points.size());
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            // sin/cos may round differently from numpy's by an ulp; the noise is bit-exact.
            assertEquals(row[0], points.x()[i][0], 4 * Math.ulp(1.0), String.format("row %d, x0", i));
            assertEquals(row[1], points.x()[i][1], 4 * Math.ulp(1.0), String.format("row %d, x1", i));
            assertEquals((int) row[2], points.y()[i], String.format("row %d, label", i));
        }
    }

    @Test
    void withoutNoiseOddCountsPutTheExtraPointOnTheInnerCircle() {
        // make_circles(7, noise=0.0, random_state=3, factor=0.5) in numpy.
        Circles.Points points = Circles.points(7, 0.0, 3, 0.5);
        assertArrayEquals(new int[] {1, 1, 1, 1, 0, 0, 0}, points.y());
        double[][] expected = {{3.061616997868383e-17, 0.5}, {-9.184850993605148e-17, -0.5},
                {-0.5, 6.123233995736766e-17}, {0.5, 0.0}, {-0.4999999999999998, 0.8660254037844387},
                {1.0, 0.0}, {-0.5000000000000004, -0.8660254037844384}};
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], points.x()[i], 4 * Math.ulp(1.0), String.format("row %d", i));
        }
    }

    @Test
    void sameSeedGivesSamePointsAndOtherSeedsDiffer() {
        Circles.Points a = Circles.points(100, 0.05, 9);
        Circles.Points b = Circles.points(100, 0.05, 9);
        Circles.Points c = Circles.points(100, 0.05, 10);
        assertArrayEquals(a.x(), b.x());
        assertArrayEquals(a.y(), b.y());
        assertTrue(a.x()[0][0] != c.x()[0][0]);
    }

    @Test
    void datasetHoldsFloatFeaturesAndALabelColumn() {
        Dataset data = Circles.dataset(1000, 0.1, 1);
        Circles.Points points = Circles.points(1000, 0.1, 1);
        assertEquals(1000, data.size());
        assertEquals(2, data.numFeatures());
        assertEquals(1, data.numLabelColumns());
        assertEquals(DataType.FLOAT, data.arrays().features().dataType());
        assertEquals(DataType.FLOAT, data.arrays().labels().dataType());
        for (int i : new int[] {0, 1, 500, 999}) {
            assertEquals((float) points.x()[i][0], data.arrays().features().getFloat(i, 0), 0f);
            assertEquals((float) points.x()[i][1], data.arrays().features().getFloat(i, 1), 0f);
            assertEquals(points.y()[i], data.arrays().labels().getFloat(i, 0), 0f);
        }
        assertEquals(500.0, data.arrays().labels().sumNumber().doubleValue(), 0.0);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(1, 0.1, 1L, 0.8, "n", 1, "n must be >= 2"),
                Arguments.of(10, -0.1, 1L, 0.8, "noise", -0.1, "noise is a standard deviation"),
                Arguments.of(10, Double.NaN, 1L, 0.8, "noise", Double.NaN, "must be a finite number >= 0"),
                Arguments.of(10, 0.1, -1L, 0.8, "seed", -1L, "seed must be in [0, 4294967295]"),
                Arguments.of(10, 0.1, 1L, 1.0, "factor", 1.0, "must be in (0, 1), got factor=1.0"),
                Arguments.of(10, 0.1, 1L, 0.0, "factor", 0.0, "must be in (0, 1), got factor=0.0"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsAreRejectedWithTheirValue(int n, double noise, long seed, double factor,
            String parameter, Object value, String fragment) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> Circles.points(n, noise, seed, factor));
        assertEquals(1, e.problems().size());
        assertEquals(parameter, e.problems().get(0).parameter());
        assertEquals(value, e.problems().get(0).value());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void allBadArgumentsAreReportedTogether() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> Circles.points(0, -1.0, 1, 2.0));
        assertEquals(3, e.problems().size());
        assertEquals("""
                3 problems:
                  - Circles: n must be >= 2 (one point per circle at least), got n=0.
                  - Circles: noise is a standard deviation and must be a finite number >= 0, got noise=-1.0.
                  - Circles: factor is the inner radius relative to the outer one and must be in (0, 1), got factor=2.0.""",
                e.getMessage().replace(System.lineSeparator(), "\n"));
    }

    private static List<double[]> readFixture() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                CirclesTest.class.getResourceAsStream(FIXTURE), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("x0")) {
                    continue;
                }
                String[] cells = line.split(",");
                rows.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
                        Double.parseDouble(cells[2])});
            }
        }
        return rows;
    }
}
