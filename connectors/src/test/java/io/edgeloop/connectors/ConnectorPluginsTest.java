package io.edgeloop.connectors;

import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorPluginsTest {

    @Test
    void shouldListBothConnectorsForServiceLoadDiscovery() {
        assertThat(ServiceLoader.load(SourceConnector.class).stream().map(p -> p.type().getName()))
                .contains(CandleFileSourceConnector.class.getName(), TickerReferenceSourceConnector.class.getName());
    }

    @Test
    void shouldReportTheBuildVersion() {
        assertThat(new CandleFileSourceConnector().version()).isEqualTo(new TickerReferenceSourceTask().version())
                .matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void shouldGiveEachTaskItsShareOfTheTickers() {
        CandleFileSourceConnector connector = new CandleFileSourceConnector();
        connector.start(java.util.Map.of(CandleSourceConfig.PATHS, TestData.dir().toString()));

        assertThat(connector.taskConfigs(3)).extracting(c -> c.get(CandleSourceConfig.TASK_INDEX) + "/"
                + c.get(CandleSourceConfig.TASK_COUNT)).containsExactly("0/3", "1/3", "2/3");
    }
}
