package io.fluentdl.experiments.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The run log, {@code <out>/fluentdl.log}: everything at INFO and above (ND4J start-up included),
 * while the console shows warnings only (see {@code logback.xml}). Attached once the output folder
 * is known, i.e. after the command line has been parsed.
 */
final class LogFile {

    static final String NAME = "fluentdl.log";
    /** A logger that writes to the run log but not to the console ({@code additivity="false"}). */
    static final String FAILURES_LOGGER = "fluentdl.failures";
    private static final String APPENDER = "fluentdl-run-log";

    private static volatile Path current;

    private LogFile() {
    }

    /** The log file attached, if any. */
    static Optional<Path> current() {
        return Optional.ofNullable(current);
    }

    /** Appends the log of this invocation to {@code <dir>/fluentdl.log}; replaces any earlier one. */
    static synchronized Path attach(Path dir) {
        detach();
        Path file = dir.resolve(NAME).toAbsolutePath();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        context.getLogger(FAILURES_LOGGER).addAppender(appender);
        current = file;
        return file;
    }

    /** Stops writing the log file (in-process tests run many commands in one JVM). */
    static synchronized void detach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : new String[] {Logger.ROOT_LOGGER_NAME, FAILURES_LOGGER}) {
            Logger logger = context.getLogger(name);
            var appender = logger.getAppender(APPENDER);
            if (appender != null) {
                logger.detachAppender(appender);
                appender.stop();
            }
        }
        current = null;
    }
}
