package io.edgeloop.stack.logging;

import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;

/**
 * Adds a log file to the running logback configuration once a command knows its data
 * directory: every logger at INFO (Kafka's broker log included), appended, rolled at 10 MB with
 * three old files kept ({@code edgeloop.1.log} .. {@code edgeloop.3.log}).
 */
public final class LogFiles {

    /** Events with this marker go to the log file only, for details the console already summed up. */
    public static final Marker FILE_ONLY = MarkerFactory.getMarker("FILE_ONLY");

    /** Name of the log file inside the stack's data directory. */
    public static final String FILE_NAME = "edgeloop.log";
    private static final String APPENDER = "EDGELOOP_FILE";
    private static final String ROLLED_PATTERN = "edgeloop.%i.log";
    private static Path current;

    private LogFiles() {
    }

    /**
     * Starts writing the log to {@code file}; once per JVM, as a command runs once.
     * No-op when logback is not the slf4j binding.
     */
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
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.resolveSibling(ROLLED_PATTERN).toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        root.addAppender(appender);
        current = file;
    }

    /** The file attached in this JVM, if any. */
    public static synchronized Optional<Path> current() {
        return Optional.ofNullable(current);
    }
}
