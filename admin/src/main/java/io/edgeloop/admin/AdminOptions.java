package io.edgeloop.admin;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.config.ConfigException;
import io.edgeloop.core.config.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * The admin's options (dashboard and CLI). Set them in a properties file, as {@code APP_*}
 * environment variables or as flags, with {@link AppConfig}'s precedence; Kafka client settings
 * are {@code kafka.*} ({@code KAFKA_*}), and {@code kafka.bootstrap.servers} defaults to the
 * local stack, {@value #DEFAULT_BOOTSTRAP}.
 */
public final class AdminOptions {

    /** The local stack's broker, the default cluster. */
    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    public static final Option<String> HTTP_HOST = Option.string("http.host", "127.0.0.1",
            "Address the dashboard listens on; 127.0.0.1 keeps it on this machine.");
    public static final Option<Integer> HTTP_PORT = checked(Option.integer("http.port", 8080,
            "Dashboard port (0 = any free port)."), p -> p >= 0 && p <= 65535, "a port from 0 to 65535");
    public static final Option<String> OPERATORS_FILE = Option.string("operators.file", ".edgeloop/operators",
            "File of operator accounts, one NAME:HASH[:ROLE] a line (hash from 'edgeloop admin hash-password').");
    public static final Option<String> REPORTS_DIR = Option.string("reports.dir", ".edgeloop/reports",
            "Directory where the retrospective writes FINDINGS and RETRO html reports; the Reports tab shows the latest.");
    public static final Option<Duration> SESSION_TTL = checked(Option.duration("session.ttl", Duration.ofHours(8),
            "How long a dashboard login lasts."), AdminOptions::positive, "positive");
    public static final Option<Duration> STALE_AFTER = Option.duration("stale.after", Duration.ofSeconds(30),
            "The dashboard says 'data is stale' when it has not reached the broker for this long.");
    public static final Option<Duration> BROKER_TIMEOUT = Option.duration("broker.timeout", Duration.ofSeconds(10),
            "How long a command or an approval waits for the broker before it fails.");
    public static final Option<Integer> CHART_BARS = checked(Option.integer("chart.bars", 750,
            "Most recent candles (and score snapshots) the ticker chart shows."), n -> n >= 10, "at least 10");

    public static final Option<Double> HIT_THRESHOLD_PCT = Option.decimal("hit.threshold.pct", 2.0,
            "The resolver's hit threshold in percent; judges a pattern's hits over time when it matched a call "
                    + "in the other direction.");

    private static final List<Option<?>> ALL = List.of(HTTP_HOST, HTTP_PORT, OPERATORS_FILE, REPORTS_DIR,
            SESSION_TTL, STALE_AFTER, BROKER_TIMEOUT, CHART_BARS, HIT_THRESHOLD_PCT);

    private AdminOptions() {
    }

    /** Every option, for {@link AppConfig#resolve}. */
    public static List<Option<?>> all() {
        return ALL;
    }

    /**
     * The entries of a {@code --config} properties file (UTF-8).
     *
     * @throws ConfigException when it does not exist or cannot be read: a usage error, like a bad value
     */
    public static Properties file(Path path) {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            file.load(in);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of("cannot read the config file " + path + ": it does not exist"));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(List.of("cannot read the config file " + path + ": " + e.getMessage()));
        }
        return file;
    }

    /** The bootstrap servers from {@code kafka.bootstrap.servers}, else the local stack's. */
    public static String bootstrap(AppConfig config) {
        String servers = config.kafka().get("bootstrap.servers");
        return servers == null || servers.isBlank() ? DEFAULT_BOOTSTRAP : servers;
    }

    /** The operators file as a path. */
    public static Path operatorsFile(AppConfig config) {
        return Path.of(config.get(OPERATORS_FILE));
    }

    /**
     * The option with its parser also checking the value's range, so a value out of range is a
     * {@link ConfigException} of {@link AppConfig#resolve}, like one that does not parse, before
     * anything starts.
     */
    private static <T> Option<T> checked(Option<T> option, Predicate<T> valid, String rule) {
        return new Option<>(option.name(), option.doc(), option.defaultValue(), text -> {
            T value = option.parser().apply(text);
            if (!valid.test(value)) {
                throw new IllegalArgumentException("must be " + rule + ", got '" + text.strip() + "'");
            }
            return value;
        });
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
