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
     * The message to show, on one line: the outermost message written for people — ours
     * ({@code InvalidConfigException} and other {@code io.fluentdl} errors say where, what rule and the
     * fix) — else the innermost message (DL4J's wrappers tend to repeat their cause's text with less
     * context); the exception type when there is no message.
     */
    static String reason(Throwable ex) {
        String innermost = null;
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                continue;
            }
            if (t instanceof IllegalArgumentException && t.getClass().getName().startsWith("io.fluentdl.")) {
                return oneLine(message);
            }
            innermost = message;
        }
        return oneLine(innermost == null ? ex.getClass().getSimpleName() : innermost);
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
