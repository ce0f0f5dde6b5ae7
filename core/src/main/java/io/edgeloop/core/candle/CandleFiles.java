package io.edgeloop.core.candle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one reader of candle files, shared by tools and connectors. {@link #read(Path)} detects
 * the layout ({@link CandleFormat}), parses it with a streaming parser, and validates every
 * row; rows that fail are returned as {@link RowError}s, never dropped silently.
 *
 * <p>Ticker: the file's {@code ticker} or {@code name} field, else the file name
 * ({@code Vendor-TICKER-PT1D-dates.json}, {@code TICKER-D.json}, {@code TICKER_60.json},
 * {@code TICKER.csv}), normalised by {@link Symbols}. Interval: the {@code tf} field, else the
 * file name, else the most frequent step between rows. Times become bar open times: epoch
 * seconds ({@code start}) are scaled, and a bar END ({@code endTime}) becomes its open by
 * subtracting one interval.
 */
public final class CandleFiles {

    private static final Pattern VENDOR_NAME = Pattern.compile("([A-Za-z]+)-(.+)-(PT?[0-9]+[A-Za-z]+)(-.*)?");

    private CandleFiles() {
    }

    /** Reads a file, validating rows against the system clock (see {@link CandleValidator}). */
    public static ParsedFile read(Path file) throws IOException {
        return read(file, CandleValidator.systemClock());
    }

    /**
     * Reads a file, validating rows with the given validator.
     *
     * @throws CandleFileException when the file is malformed as a whole or its ticker or
     *                             interval cannot be told
     * @throws IOException         when it cannot be read
     */
    public static ParsedFile read(Path file, CandleValidator validator) throws IOException {
        String fileName = file.getFileName().toString();
        boolean json = isJson(fileName);
        byte[] bytes = Files.readAllBytes(file);
        RawFile raw = json ? JsonCandleReader.read(fileName, bytes)
                : CsvCandleReader.read(fileName, new String(bytes, StandardCharsets.UTF_8));
        NameParts name = NameParts.of(fileName);
        String ticker = ticker(fileName, raw.ticker, name);
        Timeframe interval = interval(fileName, raw, name);
        String source = raw.vendor != null ? raw.vendor : name.vendor != null ? name.vendor : fileName;
        return build(raw, ticker, interval, source, validator);
    }

    /**
     * The ticker {@link #read} gives the file, without parsing its rows: a JSON file's top-level
     * fields are read and its candle arrays skipped; a CSV file's ticker is its name's. What
     * tells the reference data which tickers have candles. A file whose rows or interval
     * {@link #read} would refuse can still name its ticker here.
     *
     * @throws CandleFileException when the file is not a supported candle file, its JSON is
     *                             malformed, or it names no valid ticker
     * @throws IOException         when it cannot be read
     */
    public static String ticker(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String field = isJson(fileName) ? JsonCandleReader.header(fileName, Files.readAllBytes(file)).ticker : null;
        return ticker(fileName, field, NameParts.of(fileName));
    }

    /** True for a {@code .json} name, false for a {@code .csv} one; any other is refused. */
    private static boolean isJson(String fileName) throws CandleFileException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".csv")) {
            return lower.endsWith(".json");
        }
        throw new CandleFileException(fileName + ": not a supported candle file (expected .json or .csv)");
    }

    /** The file's ticker field, else its name's, normalised by {@link Symbols}. */
    private static String ticker(String fileName, String field, NameParts name) throws CandleFileException {
        String ticker = field != null && !field.isBlank() ? field : name.ticker;
        if (ticker == null || ticker.isBlank()) {
            throw new CandleFileException(fileName + ": no ticker in the file or its name");
        }
        try {
            return Symbols.normalise(ticker);
        } catch (IllegalArgumentException e) {
            throw new CandleFileException(fileName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every supported candle file under a directory, recursively, sorted by path: the files
     * {@link #isCandleFile} accepts. README files, {@code sectors.json} and hidden files are not
     * candle files.
     */
    public static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder())::iterator) {
                if (isCandleFile(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * True for a {@code .csv} file, and for a {@code .json} file that is meant as one: its
     * top-level object has a {@code candles} or {@code ohlc} field, or it is not well-formed JSON
     * (empty, truncated, broken), so that {@link #read} reports what is wrong with it ("malformed
     * JSON at ...", "'candles' is not an array") instead of the file being passed over. A
     * well-formed JSON document without such a field ({@code sectors.json}, {@code package.json},
     * a top-level array) is not a candle file; nor is a hidden file.
     *
     * @throws IOException when the file cannot be read
     */
    public static boolean isCandleFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        if (lower.endsWith(".csv")) {
            return true;
        }
        if (!lower.endsWith(".json")) {
            return false;
        }
        try (JsonParser p = JsonCandleReader.FACTORY.createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return true;
            }
            if (first != JsonToken.START_OBJECT) {
                p.skipChildren();
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("candles") || field.equals("ohlc")) {
                    return true;
                }
                p.skipChildren();
            }
            return false;
        } catch (JacksonException e) {
            return true;
        }
    }

    private static Timeframe interval(String fileName, RawFile raw, NameParts name) throws CandleFileException {
        if (raw.interval != null) {
            return Timeframe.parse(raw.interval).orElseThrow(() ->
                    new CandleFileException(fileName + ": unknown interval '" + raw.interval + "'"));
        }
        if (name.interval != null) {
            return name.interval;
        }
        return inferred(raw).orElseThrow(() -> new CandleFileException(fileName
                + ": cannot tell the bar interval (no 'tf' field, none in the file name, too few rows)"));
    }

    /**
     * The interval whose length is the most frequent positive step between consecutive rows. When
     * nine rows in ten or more are stamped at a midnight, of UTC or of New York, those rows step by
     * their dates: the universe files hold most days twice, at 00:00 UTC and at 04:00 or 05:00 UTC
     * (New York's midnight), and the four or five hours between the two copies of a day are no bar
     * length. (A 4-hour series has at most two such stamps in six.)
     */
    private static Optional<Timeframe> inferred(RawFile raw) {
        long[] times = Arrays.copyOf(raw.time, raw.size);
        long midnights = Arrays.stream(times).filter(CandleFiles::midnight).count();
        if (midnights * 10 >= 9L * times.length) {
            for (int i = 0; i < times.length; i++) {
                long t = times[i];
                if (midnight(t) && Math.floorMod(t, EpochDays.DAY_MS) != 0) {
                    times[i] = t + ZoneOffsetTable.NEW_YORK.offsetMillis(t); // 00:00 UTC of the New York date
                }
            }
        }
        Map<Long, Integer> steps = new HashMap<>();
        for (int i = 1; i < times.length; i++) {
            long step = times[i] - times[i - 1];
            if (step > 0) {
                steps.merge(step, 1, Integer::sum);
            }
        }
        return steps.entrySet().stream()
                .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .flatMap(CandleFiles::timeframeOfStep);
    }

    private static boolean midnight(long stamp) {
        return CandleNormaliser.stampKind(stamp, SessionCalendar.US_EQUITY) != CandleNormaliser.StampKind.SESSION;
    }

    private static Optional<Timeframe> timeframeOfStep(long step) {
        for (Timeframe tf : Timeframe.values()) {
            if (tf.intraday() && tf.lengthMillis() == step) {
                return Optional.of(tf);
            }
        }
        if (step >= EpochDays.DAY_MS && step <= 4 * EpochDays.DAY_MS) {
            return Optional.of(Timeframe.D1);
        }
        if (step >= 5 * EpochDays.DAY_MS && step <= 10 * EpochDays.DAY_MS) {
            return Optional.of(Timeframe.W1);
        }
        if (step >= 28 * EpochDays.DAY_MS && step <= 31 * EpochDays.DAY_MS) {
            return Optional.of(Timeframe.MN1);
        }
        return Optional.empty();
    }

    private static ParsedFile build(RawFile raw, String ticker, Timeframe interval, String source,
                                    CandleValidator validator) throws CandleFileException {
        List<Candle> candles = new ArrayList<>(raw.size);
        List<RowError> errors = new ArrayList<>(raw.errors);
        for (int i = 0; i < raw.size; i++) {
            long openTime = raw.time[i];
            if (raw.endStamp[i]) {
                if (interval.compareTo(Timeframe.D1) > 0) {
                    throw new CandleFileException(source + ": bar end times cannot be turned into open times for "
                            + interval.code() + " bars");
                }
                openTime -= interval.intraday() ? interval.lengthMillis() : EpochDays.DAY_MS;
            }
            Validation check = validator.validate(openTime, raw.open[i], raw.high[i], raw.low[i], raw.close[i], raw.volume[i]);
            if (check instanceof Validation.Rejection rejection) {
                errors.add(new RowError(raw.index[i], raw.raw(raw.rawFrom[i], raw.rawTo[i]), rejection.reason()));
            } else {
                candles.add(new Candle(ticker, interval, openTime, raw.open[i], raw.high[i], raw.low[i],
                        raw.close[i], raw.volume[i], source));
            }
        }
        errors.sort(Comparator.comparingInt(RowError::rowIndex));
        return new ParsedFile(ticker, interval, source, raw.format, candles, errors, raw.missingVolume);
    }

    /** Ticker, interval and vendor as the file name spells them. */
    private record NameParts(String vendor, String ticker, Timeframe interval) {

        static NameParts of(String fileName) {
            int dot = fileName.lastIndexOf('.');
            String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
            Matcher vendor = VENDOR_NAME.matcher(stem);
            if (vendor.matches()) {
                Optional<Timeframe> tf = Timeframe.parse(vendor.group(3));
                if (tf.isPresent()) {
                    return new NameParts(vendor.group(1), vendor.group(2), tf.get());
                }
            }
            int cut = Math.max(stem.lastIndexOf('-'), stem.lastIndexOf('_'));
            if (cut > 0) {
                Optional<Timeframe> tf = Timeframe.parse(stem.substring(cut + 1));
                if (tf.isPresent()) {
                    return new NameParts(null, stem.substring(0, cut), tf.get());
                }
            }
            return new NameParts(null, stem, null);
        }
    }
}
