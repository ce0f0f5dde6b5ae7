package io.edgeloop.connectors;

import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.storage.StringConverter;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Connector configs for {@link ConnectWorker#addConnector}, the in-process twins of
 * {@code connectors/config/*.json}. Both set the converters the wire format needs (see
 * {@link CandleRecords}): {@code StringConverter} keys, {@code ByteArrayConverter} values.
 * Callers add or override options with {@link #with}.
 */
public final class ConnectorConfigs {

    private ConnectorConfigs() {
    }

    /** A {@link CandleFileSourceConnector} reading the given directories and files, one task, no pacing. */
    public static Map<String, String> candleFiles(String name, List<Path> paths) {
        Map<String, String> c = base(name, CandleFileSourceConnector.class.getName());
        c.put(CandleSourceConfig.PATHS, joined(paths));
        return c;
    }

    /** A {@link TickerReferenceSourceConnector} for a sectors file and the tickers of candle paths. */
    public static Map<String, String> referenceTickers(String name, Path sectorsFile, List<Path> candlePaths) {
        Map<String, String> c = base(name, TickerReferenceSourceConnector.class.getName());
        c.put(TickerReferenceConfig.SECTORS_FILE, sectorsFile.toString());
        c.put(TickerReferenceConfig.PATHS, joined(candlePaths));
        return c;
    }

    /** A copy of a config with more options. */
    public static Map<String, String> with(Map<String, String> config, Map<String, String> more) {
        Map<String, String> c = new LinkedHashMap<>(config);
        c.putAll(more);
        return c;
    }

    private static Map<String, String> base(String name, String connectorClass) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("connector.class", connectorClass);
        c.put("tasks.max", "1");
        c.put("key.converter", StringConverter.class.getName());
        c.put("value.converter", ByteArrayConverter.class.getName());
        return c;
    }

    private static String joined(List<Path> paths) {
        return paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.joining(","));
    }
}
