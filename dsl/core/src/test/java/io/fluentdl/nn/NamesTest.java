package io.fluentdl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    private static final List<String> KNOWN = List.of("bn-case-study", "mnist-momentum", "keras-mnist-mlp");

    @Test
    void suggestsTheClosestKnownName() {
        assertEquals("bn-case-study", Names.closest("bn-case-stdy", KNOWN));
        assertEquals("bn-case-study", Names.closest("bn-casestudy", KNOWN));
        assertEquals("relu", Names.closest("rleu", List.of("relu", "elu", "selu")));  // a swap is one edit
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertNull(Names.closest("resnet", KNOWN));
    }

    @Test
    void distanceCountsEditsAndAdjacentSwaps() {
        assertEquals(3, Names.distance("kitten", "sitting"));
        assertEquals(0, Names.distance("run", "run"));
        assertEquals(1, Names.distance("rleu", "relu"));
    }
}
