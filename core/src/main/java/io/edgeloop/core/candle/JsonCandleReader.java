package io.edgeloop.core.candle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.NumberInput;

import java.io.IOException;

/**
 * Streaming reader of the JSON candle layouts (see {@link CandleFormat}). One pass with
 * Jackson's token parser over the file's bytes; row fields are recognised by name, whatever
 * their order, and values may be numbers or numeric strings.
 */
final class JsonCandleReader {

    /** Fast double parsing (Jackson's bundled FastDoubleParser) is most of the speed on 450k rows. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private static final int TIME = 0;
    private static final int OPEN = 1;
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int CLOSE = 4;
    private static final int VOLUME = 5;
    private static final String[] SLOT_NAMES = {"time", "open", "high", "low", "close", "volume"};

    private JsonCandleReader() {
    }

    static RawFile read(String fileName, byte[] bytes) throws IOException {
        return read(fileName, bytes, true);
    }

    /**
     * The file's header fields ({@code ticker} or {@code name}, {@code tf}, {@code candles_source})
     * as {@link #read} finds them, with the candle arrays skipped instead of parsed: no rows, no
     * row errors, no format. The same malformed-file errors as {@link #read}.
     */
    static RawFile header(String fileName, byte[] bytes) throws IOException {
        return read(fileName, bytes, false);
    }

    private static RawFile read(String fileName, byte[] bytes, boolean rows) throws IOException {
        RawFile file = RawFile.ofBytes(bytes, rows ? bytes.length / 64 : 0);
        boolean hasTf = false;
        boolean endTimes = false;
        boolean strings = false;
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CandleFileException(fileName + ": expected a JSON object at the top level");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "ticker", "name" -> file.ticker = p.getValueAsString();
                    case "tf" -> {
                        file.interval = p.getValueAsString();
                        hasTf = true;
                    }
                    case "candles_source" -> file.vendor = p.getValueAsString();
                    case "candles", "ohlc" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new CandleFileException(fileName + ": '" + name + "' is not an array");
                        }
                        if (!rows) {
                            p.skipChildren();
                            continue;
                        }
                        int flags = readRows(p, file);
                        endTimes |= (flags & 1) != 0;
                        strings |= (flags & 2) != 0;
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new CandleFileException(fileName + ": malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        file.format = endTimes ? CandleFormat.OHLC_END_TIME_JSON
                : hasTf ? CandleFormat.HISTORY_JSON
                : strings ? CandleFormat.STRING_JSON
                : CandleFormat.TICKER_JSON;
        return file;
    }

    /** Reads the rows of a candle array; returns flags: 1 = end-time stamps seen, 2 = string values seen. */
    private static int readRows(JsonParser p, RawFile file) throws IOException {
        int flags = 0;
        int row = 0;
        double[] v = new double[6];
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int from = (int) p.currentTokenLocation().getByteOffset();
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                int to = (int) p.currentLocation().getByteOffset();
                file.errors.add(new RowError(row++, file.raw(from, to), "row is not a JSON object"));
                continue;
            }
            int present = 0;
            long time = 0;
            boolean end = false;
            String error = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int slot = slot(name);
                if (slot < 0) {
                    p.skipChildren();
                    continue;
                }
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value == JsonToken.VALUE_STRING) {
                    flags |= 2;
                }
                try {
                    if (slot == TIME) {
                        time = readTime(p, value);
                        if (name.equals("start")) {
                            time = Math.multiplyExact(time, 1000L);
                        }
                        end = name.equals("endTime");
                        flags |= end ? 1 : 0;
                    } else {
                        v[slot] = readDouble(p, value);
                    }
                    present |= 1 << slot;
                } catch (NumberFormatException | ArithmeticException e) {
                    if (error == null) {
                        error = "field '" + name + "' is not a number: " + p.getText();
                    }
                    p.skipChildren();
                }
            }
            int to = (int) p.currentLocation().getByteOffset();
            if (error == null) {
                error = missing(present);
            }
            if (error != null) {
                file.errors.add(new RowError(row, file.raw(from, to), error));
            } else {
                if ((present & (1 << VOLUME)) == 0) {
                    file.missingVolume++;
                    v[VOLUME] = 0;
                }
                file.add(row, time, end, v[OPEN], v[HIGH], v[LOW], v[CLOSE], v[VOLUME], from, to);
            }
            row++;
        }
        return flags;
    }

    private static String missing(int present) {
        StringBuilder b = null;
        for (int slot = TIME; slot < VOLUME; slot++) {
            if ((present & (1 << slot)) == 0) {
                b = b == null ? new StringBuilder("missing or null ") : b.append(", ");
                b.append(SLOT_NAMES[slot]);
            }
        }
        return b == null ? null : b.toString();
    }

    private static int slot(String name) {
        switch (name) {
            case "ts", "start", "endTime", "time", "timestamp": return TIME;
            case "o", "open", "openPrice": return OPEN;
            case "h", "high", "highPrice": return HIGH;
            case "l", "low", "lowPrice": return LOW;
            case "c", "close", "closePrice": return CLOSE;
            case "v", "volume": return VOLUME;
            default: return -1;
        }
    }

    private static long readTime(JsonParser p, JsonToken value) throws IOException {
        switch (value) {
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return integral(p.getDoubleValue());
            case VALUE_STRING:
                String s = p.getText().trim();
                return s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0
                        ? integral(NumberInput.parseDouble(s, true)) : Long.parseLong(s);
            default:
                throw new NumberFormatException();
        }
    }

    private static long integral(double d) {
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw new NumberFormatException();
        }
        return (long) d;
    }

    private static double readDouble(JsonParser p, JsonToken value) throws IOException {
        switch (value) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_STRING:
                return NumberInput.parseDouble(p.getText().trim(), true);
            default:
                throw new NumberFormatException();
        }
    }
}
