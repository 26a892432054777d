package io.fluentdl.experiments.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A failure while running: one line on stderr (the reason, and where the details are), the stack
 * trace in the log file; exit code 1.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    /** Exit code for a failure. */
    static final int FAILURE = 1;

    /** Goes to the run log only (see logback.xml): stderr gets the one line below. */
    private static final Logger LOG = LoggerFactory.getLogger(LogFile.FAILURES_LOGGER);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        LOG.error("{} failed", cmd.getCommandSpec().qualifiedName(), ex);
        PrintWriter err = cmd.getErr();
        String details = LogFile.current().map(path -> String.format(" (details: %s)", path)).orElse("");
        err.println(cmd.getColorScheme().errorText(String.format("%s: %s%s", cmd.getCommandSpec().qualifiedName(),
                reason(ex), details)));
        err.flush();
        return FAILURE;
    }

    /**
     * The message to show, on one line: ours when there is one ({@code InvalidConfigException} and other
     * {@code io.fluentdl} argument errors say where, what rule and the fix); else the outermost message,
     * which names the file ("Could not read .../run.json", "metrics.jsonl, line 79"), followed by the
     * innermost one, the cause, unless the outer already says it; the exception type when there is no message.
     */
    static String reason(Throwable ex) {
        String outermost = null;
        String innermost = null;
        Throwable inner = ex;
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = message(t);
            if (message == null || message.isBlank()) {
                continue;
            }
            if (t instanceof IllegalArgumentException && t.getClass().getName().startsWith("io.fluentdl.")) {
                return oneLine(message);
            }
            if (outermost == null) {
                outermost = message;
            }
            innermost = message;
            inner = t;
        }
        if (outermost == null) {
            return ex.getClass().getSimpleName();
        }
        String outer = oneLine(outermost);
        String cause = oneLine(innermost);
        // an outer message that quotes its cause already says it (Jackson's without its line and column)
        boolean quoted = outer.contains(cause) || inner instanceof com.fasterxml.jackson.core.JsonProcessingException json
                && json.getOriginalMessage() != null && outer.contains(oneLine(json.getOriginalMessage()));
        return quoted ? outer : String.format("%s: %s", outer, cause);
    }

    /**
     * A throwable's own text: Jackson's without its "[Source: ...]" dump but with its line and column;
     * without the "java.io.IOException: " that wrappers copy from their cause's toString().
     */
    private static String message(Throwable t) {
        if (t instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            com.fasterxml.jackson.core.JsonLocation at = json.getLocation();
            String original = json.getOriginalMessage();
            return at == null || at.getLineNr() < 1 ? original
                    : String.format("%s (line %d, column %d)", original, at.getLineNr(), at.getColumnNr());
        }
        String m = t.getMessage();
        return m == null ? null : m.replaceFirst("^([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(Exception|Error): ", "");
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
