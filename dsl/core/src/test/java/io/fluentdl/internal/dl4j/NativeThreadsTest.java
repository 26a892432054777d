package io.fluentdl.internal.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** BLAS threads: all cores for one training, shared out among parallel workers, the user's variable wins. */
class NativeThreadsTest {

    @Test
    void oneTrainingGetsEveryCoreForItsGemms() {
        assertEquals(2, NativeThreads.blasPerTrial(1, 2, 0));
        assertEquals(8, NativeThreads.blasPerTrial(1, 8, 0));
    }

    @Test
    void parallelWorkersShareTheCoresAndKeepAtLeastOne() {
        assertEquals(1, NativeThreads.blasPerTrial(2, 2, 0));
        assertEquals(4, NativeThreads.blasPerTrial(2, 8, 0));
        assertEquals(1, NativeThreads.blasPerTrial(4, 2, 0));
    }

    @Test
    void openblasNumThreadsWins() {
        assertEquals(1, NativeThreads.blasPerTrial(1, 8, 1));
        assertEquals(3, NativeThreads.blasPerTrial(2, 2, 3));
    }

    @Test
    void settingTheBlasPoolIsWhatNd4jReportsBack() {
        int before = NativeThreads.currentBlas();
        try {
            NativeThreads.setBlas(1);
            assertEquals(1, NativeThreads.currentBlas());
            NativeThreads.setBlas(2);
            assertEquals(2, NativeThreads.currentBlas());
        } finally {
            NativeThreads.setBlas(before);
        }
    }
}
