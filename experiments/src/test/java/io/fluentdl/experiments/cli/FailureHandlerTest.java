package io.fluentdl.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fluentdl.errors.InvalidConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailureHandlerTest {

    @Test
    void ourMessageWinsOverItsLowLevelCause() {
        Exception ours = new InvalidConfigException(java.util.List.of(new io.fluentdl.errors.Problem("MNIST", "data", null,
                "no folder has the four MNIST files", "Set FLUENTDL_MNIST_DIR or pass --data")),
                new java.net.UnknownHostException("dl4jdata.blob.core.windows.net"));
        assertEquals("MNIST: no folder has the four MNIST files. Set FLUENTDL_MNIST_DIR or pass --data.",
                FailureHandler.reason(new RuntimeException("wrapper", ours)));
    }

    @Test
    void otherwiseTheOutermostMessageWithItsCauseOnOneLine() {
        Exception e = new UncheckedIOException("could not write", new IOException("disk full\n  (no space left)"));
        assertEquals("could not write: disk full (no space left)", FailureHandler.reason(e));
        assertEquals("IllegalStateException", FailureHandler.reason(new IllegalStateException()));
    }

    @Test
    void jacksonsCauseGivesItsLineNotItsSourceDump() throws Exception {
        Exception jackson = assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"a\":\n  [,]}"));
        String line = FailureHandler.reason(new UncheckedIOException("Could not read /x/run.json", (IOException) jackson));
        assertTrue(line.startsWith("Could not read /x/run.json: Unexpected character (','"), line);
        assertTrue(line.matches(".*\\(line 2, column \\d+\\)$"), line);
        assertFalse(line.contains("[Source:"), line);
    }
}
