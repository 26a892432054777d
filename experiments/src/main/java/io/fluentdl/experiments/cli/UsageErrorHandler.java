package io.fluentdl.experiments.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad usage: prints the reason, suggestions when there are any, the usage line of the command
 * concerned and where to read more; exit code 2. The full help is not repeated: on a typo it
 * buries the one line that matters.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    /** Exit code for bad usage. */
    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText(String.format("%s: %s", cmd.getCommandSpec().qualifiedName(),
                reason(ex))));
        err.print(cmd.getHelp().synopsisHeading());
        err.print(cmd.getHelp().synopsis(cmd.getHelp().synopsisHeadingLength()));
        err.printf("Try '%s --help' for more information.%n", cmd.getCommandSpec().qualifiedName());
        err.flush();
        return USAGE;
    }

    /**
     * The reason in our words. An unknown command is named as such, with the known ones and the
     * closest match, instead of picocli's "Unmatched argument at index 0".
     */
    static String reason(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException unmatched && !cmd.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().get(0);
            if (!typed.startsWith("-")) {
                var known = cmd.getSubcommands().keySet();
                String hint = Suggestions.closest(typed, known).map(n -> String.format(" Did you mean '%s'?", n)).orElse("");
                return String.format("unknown command '%s'. Known: %s.%s", typed, String.join(", ", known), hint);
            }
        }
        return ex.getMessage();
    }
}
