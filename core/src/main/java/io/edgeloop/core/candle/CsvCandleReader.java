package io.edgeloop.core.candle;

import com.fasterxml.jackson.core.io.NumberInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reader of plain CSV candles: {@code ts,open,high,low,close,volume}. The header names the
 * columns (any order; aliases {@code time, timestamp, date, datetime, start} for ts and
 * {@code o, h, l, c, v, vol}); without a header the columns are taken in that order. The
 * volume column may be absent (read as 0 and counted). {@code ts} is epoch milliseconds when
 * it is an integer, else ISO-8601: an instant ({@code 2024-01-02T14:30:00Z}), a date-time with
 * offset, a local date-time (read as UTC) or a date (00:00 UTC).
 */
final class CsvCandleReader {

    private static final String[] NAMES = {"ts", "open", "high", "low", "close", "volume"};

    private CsvCandleReader() {
    }

    static RawFile read(String fileName, String text) throws CandleFileException {
        RawFile file = RawFile.ofText(text, text.length() / 48);
        file.format = CandleFormat.CSV;
        int[] columns = null;
        int row = 0;
        int pos = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            pos = 1;
        }
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            int next = eol < 0 ? n : eol + 1;
            int to = eol < 0 ? n : eol;
            if (to > pos && text.charAt(to - 1) == '\r') {
                to--;
            }
            String line = text.substring(pos, to);
            if (!line.isBlank()) {
                String[] cells = line.split(",", -1);
                if (columns == null) {
                    columns = header(cells);
                    if (columns != null) {
                        requireColumns(fileName, columns);
                        pos = next;
                        continue;
                    }
                    columns = new int[] {0, 1, 2, 3, 4, cells.length > 5 ? 5 : -1};
                }
                parseRow(file, row++, cells, columns, pos, to);
            }
            pos = next;
        }
        return file;
    }

    /** Column positions of time, open, high, low, close, volume (-1 absent), or null when not a header. */
    private static int[] header(String[] cells) {
        int[] cols = {-1, -1, -1, -1, -1, -1};
        boolean named = false;
        for (int i = 0; i < cells.length; i++) {
            String name = unquote(cells[i]).toLowerCase(Locale.ROOT);
            int slot = switch (name) {
                case "ts", "time", "timestamp", "date", "datetime", "start", "open_time" -> 0;
                case "open", "o" -> 1;
                case "high", "h" -> 2;
                case "low", "l" -> 3;
                case "close", "c" -> 4;
                case "volume", "v", "vol" -> 5;
                default -> -1;
            };
            if (slot >= 0 && cols[slot] < 0) {
                cols[slot] = i;
                named = true;
            }
        }
        return named ? cols : null;
    }

    private static void requireColumns(String fileName, int[] cols) throws CandleFileException {
        StringBuilder missing = new StringBuilder();
        for (int slot = 0; slot < 5; slot++) {
            if (cols[slot] < 0) {
                missing.append(missing.length() == 0 ? "" : ", ").append(NAMES[slot]);
            }
        }
        if (missing.length() > 0) {
            throw new CandleFileException(fileName + ": the CSV header has no " + missing
                    + " column (expected ts,open,high,low,close,volume)");
        }
    }

    private static void parseRow(RawFile file, int row, String[] cells, int[] cols, int from, int to) {
        String[] names = NAMES;
        for (int slot = 0; slot < 5; slot++) {
            if (cols[slot] >= cells.length || unquote(cells[cols[slot]]).isEmpty()) {
                file.errors.add(new RowError(row, file.raw(from, to), "missing " + names[slot]));
                return;
            }
        }
        double[] v = new double[6];
        long time;
        String cell = unquote(cells[cols[0]]);
        try {
            time = parseTime(cell);
        } catch (DateTimeParseException | NumberFormatException e) {
            file.errors.add(new RowError(row, file.raw(from, to),
                    "ts '" + cell + "' is neither epoch milliseconds nor ISO-8601"));
            return;
        }
        for (int slot = 1; slot <= 5; slot++) {
            if (slot == 5 && (cols[5] < 0 || cols[5] >= cells.length || unquote(cells[cols[5]]).isEmpty())) {
                file.missingVolume++;
                v[5] = 0;
                continue;
            }
            cell = unquote(cells[cols[slot]]);
            try {
                v[slot] = NumberInput.parseDouble(cell, true);
            } catch (NumberFormatException e) {
                file.errors.add(new RowError(row, file.raw(from, to), names[slot] + " '" + cell + "' is not a number"));
                return;
            }
        }
        file.add(row, time, false, v[1], v[2], v[3], v[4], v[5], from, to);
    }

    static long parseTime(String s) {
        if (isInteger(s)) {
            return Long.parseLong(s);
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
                } catch (DateTimeParseException notLocal) {
                    return LocalDate.parse(s).toEpochDay() * EpochDays.DAY_MS;
                }
            }
        }
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = s.charAt(0) == '-' ? 1 : 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return s.length() > (s.charAt(0) == '-' ? 1 : 0);
    }

    private static String unquote(String cell) {
        String s = cell.trim();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }
}
