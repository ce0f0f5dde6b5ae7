package io.edgeloop.connectors;

import io.edgeloop.core.candle.Symbols;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The options of {@link CandleFileSourceConnector}, declared once and shared by the connector
 * and its tasks. {@link #CONFIG_DEF} is what users set; {@link #TASK_CONFIG_DEF} adds the keys
 * the connector hands each task. Cross-option rules (the date range's order, the pacing rate
 * that a pacing mode needs) are checked by {@link #problems} both here and in the connector's
 * {@code validate}.
 */
public final class CandleSourceConfig extends AbstractConfig {

    public static final String PATHS = "paths";
    public static final String TOPIC = "topic";
    public static final String DLQ_TOPIC = "dlq.topic";
    public static final String TICKERS = "tickers";
    public static final String INTERVALS = "intervals";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String FILE_MIN_AGE_MS = "file.min.age.ms";
    public static final String POLL_MAX_RECORDS = "poll.max.records";
    public static final String PACING_MODE = "pacing.mode";
    public static final String PACING_BARS_PER_SECOND = "pacing.bars.per.second";
    public static final String PACING_REALTIME_FACTOR = "pacing.realtime.factor";
    public static final String PACING_MAX_GAP_MS = "pacing.max.gap.ms";
    /** Set by the connector: this task's index, 0-based. */
    public static final String TASK_INDEX = "task.index";
    /** Set by the connector: how many tasks share the tickers. */
    public static final String TASK_COUNT = "task.count";

    /** The options a user sets. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(PATHS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.existingPaths(true), Importance.HIGH,
                    "Directories (searched recursively) and files of candle data, comma-separated, no empty"
                            + " element. Every format of CandleFiles is read: .json (universe, history, string-valued"
                            + " vendor, Coinbase ohlc) and .csv. New and changed files are picked up every"
                            + " poll.interval.ms.")
            .define(TOPIC, Type.STRING, Topics.CANDLES.name(), new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Topic of the Candle records (key ticker, value Avro single-object encoded Candle).")
            .define(DLQ_TOPIC, Type.STRING, Topics.CANDLES_DLQ.name(), new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Topic of the DeadLetter records for rows and files that could not be read: sourceTopic"
                            + " 'file:<path>', partition -1, offset = the row index (-1 for the whole file), value ="
                            + " the raw row, reason = why.")
            .define(TICKERS, Type.LIST, List.of(), ConfigValidators.tickers(), Importance.MEDIUM,
                    "Only these tickers (any spelling, normalised by the symbol rule); empty = every ticker.")
            .define(INTERVALS, Type.LIST, List.of(), ConfigValidators.intervals(), Importance.MEDIUM,
                    "Only bars of these intervals (5m, 10m, 15m, 30m, 1h, 4h, D, W, M); empty = every interval.")
            .define(FROM, Type.STRING, "", ConfigValidators.dateOrEmpty(), Importance.MEDIUM,
                    "Only bars whose open time falls on or after this UTC date (yyyy-MM-dd); empty = from the first"
                            + " bar. Refused rows are dead-lettered whatever their date.")
            .define(TO, Type.STRING, "", ConfigValidators.dateOrEmpty(), Importance.MEDIUM,
                    "Only bars whose open time falls on or before this UTC date (yyyy-MM-dd); empty = to the last bar.")
            .define(POLL_INTERVAL_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "How often the paths are scanned for new and changed files, in milliseconds.")
            .define(FILE_MIN_AGE_MS, Type.LONG, 1_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "A file is read only once it has not been modified for this many milliseconds, so a file"
                            + " still being written is not read half way; until then a file read before keeps its"
                            + " previous version in its series.")
            .define(POLL_MAX_RECORDS, Type.INT, 2_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Most records a task returns from one poll.")
            .define(PACING_MODE, Type.STRING, PacingMode.NONE.code(), ConfigValidators.pacingMode(), Importance.MEDIUM,
                    "Replay speed: 'none' = as fast as possible; 'bars-per-second' = pacing.bars.per.second bars a"
                            + " second per task; 'realtime-factor' = event time (bar close times) runs"
                            + " pacing.realtime.factor times faster than the wall clock, gaps capped at"
                            + " pacing.max.gap.ms.")
            .define(PACING_BARS_PER_SECOND, Type.DOUBLE, null, ConfigValidators.positiveOrUnset(), Importance.LOW,
                    "Bars per second per task; required by, and only allowed with, pacing.mode=bars-per-second.")
            .define(PACING_REALTIME_FACTOR, Type.DOUBLE, null, ConfigValidators.positiveOrUnset(), Importance.LOW,
                    "How many times faster than real time event time runs (3600 = one market hour a second);"
                            + " required by, and only allowed with, pacing.mode=realtime-factor.")
            .define(PACING_MAX_GAP_MS, Type.LONG, 2_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "With pacing.mode=realtime-factor: the longest wall-clock wait between two bars, in"
                            + " milliseconds, so nights, weekends and holidays do not stall a demo.");

    /** The options of a task: the user's plus its place among the connector's tasks. */
    public static final ConfigDef TASK_CONFIG_DEF = new ConfigDef(CONFIG_DEF)
            .define(TASK_INDEX, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Set by the connector: this task's index; it publishes the tickers whose hash modulo"
                            + " task.count is this index.")
            .define(TASK_COUNT, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Set by the connector: how many tasks share the tickers.");

    /**
     * A rule across options that a set of options breaks.
     *
     * @param key     the option to fix
     * @param message what is wrong and what to do
     */
    public record Problem(String key, String message) {

        ConfigException exception(Map<String, String> props) {
            return new ConfigException(key, props.get(key), message);
        }
    }

    private final OpenDateRange dates;

    /**
     * @throws ConfigException when an option is missing, malformed or conflicts with another
     */
    public CandleSourceConfig(Map<String, String> props) {
        super(TASK_CONFIG_DEF, props);
        List<Problem> problems = problems(props);
        if (!problems.isEmpty()) {
            throw problems.get(0).exception(props);
        }
        dates = new OpenDateRange(date(FROM), date(TO));
        if (getInt(TASK_INDEX) >= getInt(TASK_COUNT)) {
            throw new ConfigException(TASK_INDEX, getInt(TASK_INDEX), "must be below task.count " + getInt(TASK_COUNT));
        }
    }

    /**
     * The rules across options that {@code props} break: the date range's and the pacing
     * options'. Checked here and by the connector's {@code validate}; options that are malformed
     * on their own are left to their validators.
     */
    public static List<Problem> problems(Map<String, String> props) {
        return Stream.of(dateRangeProblem(props), pacingProblem(props)).flatMap(Optional::stream).toList();
    }

    /** {@code to} before {@code from}, if so. */
    static Optional<Problem> dateRangeProblem(Map<String, String> props) {
        Optional<LocalDate> from = parsedDate(props.get(FROM));
        Optional<LocalDate> to = parsedDate(props.get(TO));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            return Optional.of(new Problem(TO, "is before " + FROM + " " + from.get()));
        }
        return Optional.empty();
    }

    /** A date option's value; empty when unset or malformed (its validator reports that). */
    private static Optional<LocalDate> parsedDate(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The conflict between pacing options, if any: a mode that needs a rate without it, or a rate
     * set for a mode that does not use it.
     */
    private static Optional<Problem> pacingProblem(Map<String, String> props) {
        Optional<PacingMode> mode = PacingMode.parse(props.getOrDefault(PACING_MODE, PacingMode.NONE.code()));
        if (mode.isEmpty()) {
            return Optional.empty();
        }
        boolean rate = isSet(props, PACING_BARS_PER_SECOND);
        boolean factor = isSet(props, PACING_REALTIME_FACTOR);
        return switch (mode.get()) {
            case NONE -> rate || factor ? Optional.of(new Problem(rate ? PACING_BARS_PER_SECOND : PACING_REALTIME_FACTOR,
                    "is set but pacing.mode is 'none'; set pacing.mode or remove it")) : Optional.empty();
            case BARS_PER_SECOND -> !rate ? Optional.of(new Problem(PACING_BARS_PER_SECOND,
                    "pacing.mode=bars-per-second needs pacing.bars.per.second (bars a second, > 0)"))
                    : factor ? Optional.of(new Problem(PACING_REALTIME_FACTOR,
                    "conflicts with pacing.mode=bars-per-second; remove it")) : Optional.empty();
            case REALTIME_FACTOR -> !factor ? Optional.of(new Problem(PACING_REALTIME_FACTOR,
                    "pacing.mode=realtime-factor needs pacing.realtime.factor (how many times faster than real"
                            + " time, > 0)"))
                    : rate ? Optional.of(new Problem(PACING_BARS_PER_SECOND,
                    "conflicts with pacing.mode=realtime-factor; remove it")) : Optional.empty();
        };
    }

    private static boolean isSet(Map<String, String> props, String key) {
        String v = props.get(key);
        return v != null && !v.isBlank();
    }

    /** The configured directories and files. */
    public List<Path> paths() {
        return getList(PATHS).stream().map(p -> Path.of(p.trim())).toList();
    }

    public String topic() {
        return getString(TOPIC);
    }

    public String dlqTopic() {
        return getString(DLQ_TOPIC);
    }

    /** Normalised tickers to publish; empty = every ticker. */
    public Set<String> tickers() {
        Set<String> out = new TreeSet<>();
        getList(TICKERS).forEach(t -> out.add(Symbols.normalise(t)));
        return out;
    }

    /** Intervals to publish; empty = every interval. */
    public Set<Timeframe> intervals() {
        Set<Timeframe> out = EnumSet.noneOf(Timeframe.class);
        getList(INTERVALS).forEach(t -> out.add(Timeframe.parse(t).orElseThrow()));
        return out;
    }

    /** The open dates of the bars to publish. */
    OpenDateRange dates() {
        return dates;
    }

    private LocalDate date(String key) {
        return parsedDate(getString(key)).orElse(null);
    }

    public long pollIntervalMs() {
        return getLong(POLL_INTERVAL_MS);
    }

    public long fileMinAgeMs() {
        return getLong(FILE_MIN_AGE_MS);
    }

    public int pollMaxRecords() {
        return getInt(POLL_MAX_RECORDS);
    }

    /** A fresh pacing schedule as configured. */
    public Pacer pacer() {
        PacingMode mode = PacingMode.parse(getString(PACING_MODE)).orElseThrow();
        return switch (mode) {
            case NONE -> Pacer.none();
            case BARS_PER_SECOND -> Pacer.barsPerSecond(getDouble(PACING_BARS_PER_SECOND));
            case REALTIME_FACTOR -> Pacer.realtimeFactor(getDouble(PACING_REALTIME_FACTOR), getLong(PACING_MAX_GAP_MS));
        };
    }

    public int taskIndex() {
        return getInt(TASK_INDEX);
    }

    public int taskCount() {
        return getInt(TASK_COUNT);
    }

    /** The connector's name as Connect passed it, for dead letters and logs. */
    public String connectorName() {
        String name = originalsStrings().get("name");
        return name == null || name.isBlank() ? "candle-files" : name;
    }
}
