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

    /** The innermost message, on one line; the exception type when there is no message. */
    static String reason(Throwable ex) {
        Throwable t = ex;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        String line = message == null ? ex.getClass().getSimpleName() : message;
        return line.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
