package io.edgeloop.connectors;

import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The options of {@link TickerReferenceSourceConnector}, shared by the connector and its task. */
public final class TickerReferenceConfig extends AbstractConfig {

    public static final String SECTORS_FILE = "sectors.file";
    public static final String PATHS = "paths";
    public static final String TOPIC = "topic";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String FILE_MIN_AGE_MS = "file.min.age.ms";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(SECTORS_FILE, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, ConfigValidators.existingFile(),
                    Importance.HIGH, "The sectors.json file: SECTOR_MAP (ticker to sector) and SECTOR_ETF_MAP"
                            + " (sector to sector ETF). Re-read when it changes.")
            .define(PATHS, Type.LIST, List.of(), ConfigValidators.existingPaths(false), Importance.MEDIUM,
                    "Directories and files of candle data whose tickers also get a reference entry; a ticker the"
                            + " sector map does not know is published without a sector. Empty = the map's tickers only.")
            .define(TOPIC, Type.STRING, Topics.REFERENCE_TICKERS.name(), new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Topic of the TickerReference records (key ticker, compacted).")
            .define(POLL_INTERVAL_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(100), Importance.LOW,
                    "How often the sector file and the candle paths are checked for changes, in milliseconds.")
            .define(FILE_MIN_AGE_MS, Type.LONG, 1_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "A candle file is read only once it has not been modified for this many milliseconds.");

    public TickerReferenceConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    public Path sectorsFile() {
        return Path.of(getString(SECTORS_FILE).trim()).toAbsolutePath().normalize();
    }

    public List<Path> paths() {
        return getList(PATHS).stream().map(p -> Path.of(p.trim())).toList();
    }

    public String topic() {
        return getString(TOPIC);
    }

    public long pollIntervalMs() {
        return getLong(POLL_INTERVAL_MS);
    }

    public long fileMinAgeMs() {
        return getLong(FILE_MIN_AGE_MS);
    }

    /** The connector's name as Connect passed it, for logs. */
    public String connectorName() {
        String name = originalsStrings().get("name");
        return name == null || name.isBlank() ? "reference-tickers" : name;
    }
}
