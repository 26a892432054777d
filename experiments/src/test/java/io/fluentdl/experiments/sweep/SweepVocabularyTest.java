package io.fluentdl.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sweep files name distributions with the search API's vocabulary ({@code HpKind.key()}), W&B's words as synonyms. */
class SweepVocabularyTest {

    @Test
    void sweepFilesUseTheSameWordsWithWandbsAsSynonyms() {
        for (Distribution d : Distribution.values()) {
            assertEquals(d.kind().key(), d.key(), d.name());
            assertEquals(d, Distribution.find(d.kind().key()));
        }
        assertEquals(Distribution.INT_UNIFORM, Distribution.find("int_uniform"));
        assertEquals(Distribution.CATEGORICAL, Distribution.find("categorical"));
        assertEquals(Distribution.CONSTANT, Distribution.find("constant"));
        assertEquals(List.of("uniform", "log_uniform", "one_minus_log_uniform", "int_range", "int_log_range", "choice",
                "fixed"), Distribution.keys());
    }
}
