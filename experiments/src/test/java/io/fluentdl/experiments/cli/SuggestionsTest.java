package io.fluentdl.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void closeNamesAreSuggestedAndFarOnesAreNot() {
        List<String> known = List.of("bn-case-study", "mnist-momentum", "all");
        assertEquals(Optional.of("bn-case-study"), Suggestions.closest("bn-case-stdy", known));
        assertEquals(Optional.of("bn-case-study"), Suggestions.closest("bn-casestudy", known));
        assertEquals(Optional.empty(), Suggestions.closest("resnet", known));
    }

    @Test
    void distanceIsLevenshtein() {
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(0, Suggestions.distance("run", "run"));
    }
}
