package io.edgeloop.stack.logging;

import java.nio.file.Path;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;

/**
 * Adds a log file to the running logback configuration once a command knows its data
 * directory: every logger at INFO (Kafka's broker log included), one file per run.
 */
public final class LogFiles {

    /** Events with this marker go to the log file only, for details the console already summed up. */
    public static final Marker FILE_ONLY = MarkerFactory.getMarker("FILE_ONLY");

    /** Name of the log file inside the stack's data directory. */
    public static final String FILE_NAME = "edgeloop.log";
    private static final String APPENDER = "EDGELOOP_FILE";

    private LogFiles() {
    }

    /** Starts writing the log to {@code file} (truncated); no-op when logback is not the binding. */
    public static synchronized void attach(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) != null) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setAppend(false);
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
    }
}
