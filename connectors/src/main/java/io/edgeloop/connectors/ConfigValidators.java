package io.edgeloop.connectors;

import io.edgeloop.core.candle.Symbols;
import io.edgeloop.core.candle.Timeframe;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** The validators of the connector options, with messages that say what to write instead. */
final class ConfigValidators {

    private ConfigValidators() {
    }

    /**
     * A list of existing directories or files, none blank (an empty path is the working
     * directory); {@code required} refuses an empty list.
     */
    static ConfigDef.Validator existingPaths(boolean required) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                List<?> paths = value == null ? List.of() : (List<?>) value;
                if (required && paths.isEmpty()) {
                    throw new ConfigException(name, value, "give at least one directory of candle files or candle file");
                }
                for (Object p : paths) {
                    if (p.toString().isBlank()) {
                        throw new ConfigException(name, value, "has an empty element (a comma too many?); an empty"
                                + " path would be the worker's working directory: list directories or files separated"
                                + " by single commas");
                    }
                    Path path = path(name, value, p.toString());
                    if (!Files.exists(path)) {
                        throw new ConfigException(name, value, "'" + p + "' does not exist; give existing directories of"
                                + " candle files or candle files");
                    }
                }
            }

            @Override
            public String toString() {
                return required ? "existing directories or files, at least one" : "existing directories or files";
            }
        };
    }

    /** One existing regular file. */
    static ConfigDef.Validator existingFile() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null || value.toString().isBlank()) {
                    throw new ConfigException(name, value, "give the path of the file");
                }
                if (!Files.isRegularFile(path(name, value, value.toString()))) {
                    throw new ConfigException(name, value, "'" + value + "' is not an existing file");
                }
            }

            @Override
            public String toString() {
                return "an existing file";
            }
        };
    }

    /** Ticker symbols that {@link Symbols#normalise} accepts. */
    static ConfigDef.Validator dateOrEmpty() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value == null || value.toString().isBlank()) {
                    return;
                }
                try {
                    java.time.LocalDate.parse(value.toString().trim());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new ConfigException(name, value, "not a date; give yyyy-MM-dd (a UTC date) or leave it empty");
                }
            }

            @Override
            public String toString() {
                return "a UTC date yyyy-MM-dd, or empty";
            }
        };
    }

    static ConfigDef.Validator tickers() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                for (Object t : value == null ? List.of() : (List<?>) value) {
                    try {
                        Symbols.normalise(t.toString());
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(name, value, e.getMessage());
                    }
                }
            }

            @Override
            public String toString() {
                return "ticker symbols (any spelling Symbols.normalise accepts), empty = every ticker";
            }
        };
    }

    /** Interval codes that {@link Timeframe#parse} reads. */
    static ConfigDef.Validator intervals() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                for (Object t : value == null ? List.of() : (List<?>) value) {
                    if (Timeframe.parse(t.toString()).isEmpty()) {
                        throw new ConfigException(name, value, "unknown interval '" + t
                                + "'; use 5m, 10m, 15m, 30m, 1h, 4h, D, W or M");
                    }
                }
            }

            @Override
            public String toString() {
                return "interval codes 5m, 10m, 15m, 30m, 1h, 4h, D, W, M; empty = every interval";
            }
        };
    }

    /** A positive finite number, or unset. */
    static ConfigDef.Validator positiveOrUnset() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value != null && !(((Double) value) > 0 && Double.isFinite((Double) value))) {
                    throw new ConfigException(name, value, "must be a positive number");
                }
            }

            @Override
            public String toString() {
                return "a positive number, or unset";
            }
        };
    }

    /** A pacing mode spelling ({@link PacingMode#parse}). */
    static ConfigDef.Validator pacingMode() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (PacingMode.parse(value == null ? null : value.toString()).isEmpty()) {
                    throw new ConfigException(name, value, "unknown pacing mode; use one of "
                            + String.join(", ", PacingMode.codes()));
                }
            }

            @Override
            public String toString() {
                return String.join(" | ", PacingMode.codes());
            }
        };
    }

    private static Path path(String name, Object value, String text) {
        try {
            return Path.of(text.trim());
        } catch (InvalidPathException e) {
            throw new ConfigException(name, value, "'" + text + "' is not a valid path: " + e.getMessage());
        }
    }
}
