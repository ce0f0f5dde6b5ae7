package io.edgeloop.connectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes candle files as normalised {@code Candle} records keyed by ticker (see
 * {@link CandleFeed} for ordering and resuming, {@link CandleRecords} for the wire format and
 * the dead-letter mapping, {@link CandleSourceConfig} for the options). Tickers are split across
 * up to {@code tasks.max} tasks by hash.
 *
 * <p>Exactly-once: the records and offsets a task produces are a pure function of the files and
 * the stored offsets, so on a distributed worker with {@code exactly.once.source.support=enabled}
 * the connector supports exactly-once delivery. A standalone worker is at least once: after a
 * crash the records since the last offset flush are sent again, identical, and downstream drops
 * them as duplicates (BarSequencer); a graceful stop flushes offsets, so nothing repeats.
 */
public final class CandleFileSourceConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return ConnectorVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new CandleSourceConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CandleFileSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(CandleSourceConfig.TASK_INDEX, Integer.toString(i));
            task.put(CandleSourceConfig.TASK_COUNT, Integer.toString(maxTasks));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return CandleSourceConfig.CONFIG_DEF;
    }

    /** The options' own checks, plus the rules across options that {@code start} enforces. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        for (CandleSourceConfig.Problem problem : CandleSourceConfig.problems(connectorConfigs)) {
            config.configValues().stream()
                    .filter(v -> v.name().equals(problem.key()))
                    .forEach(v -> v.addErrorMessage(problem.key() + ": " + problem.message()));
        }
        return config;
    }

    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }
}
