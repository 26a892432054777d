package io.fluentdl.examples;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every registered example on its --quick data for one epoch, so none can rot. MNIST comes from
 * the default lookup, which ends at the copy shipped in fluentdl-datasets.
 */
class ExamplesTest {

    static Stream<String> names() {
        return Examples.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void runsOnQuickData(String name) {
        assertDoesNotThrow(() -> Examples.run(name, "--quick", "--epochs", "1"));
    }

    @Test
    void unknownNamesAndFlagsSayWhatIsKnown() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> Examples.example("nope"));
        assertTrue(name.getMessage().contains("Known: case-study, case-study-kt"), name.getMessage());
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class, () -> ExampleArgs.parse("--fast"));
        assertEquals("Unknown option '--fast'. Usage: [--quick] [--data DIR] [--epochs N]", flag.getMessage());
    }

    @Test
    void everyJavaExampleHasItsKotlinTwin() {
        Examples.all().keySet().stream().filter(n -> !n.endsWith("-kt") && !n.equals("track-plain-dl4j"))
                .forEach(n -> assertTrue(Examples.all().containsKey(n + "-kt"), n + " has no Kotlin twin"));
    }
}
