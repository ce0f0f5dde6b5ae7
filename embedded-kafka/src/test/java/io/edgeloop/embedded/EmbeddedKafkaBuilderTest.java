package io.edgeloop.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class EmbeddedKafkaBuilderTest {

    @Test
    void shouldRequireADataDirectory() {
        assertThatThrownBy(() -> EmbeddedKafka.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a data directory");
    }

    @Test
    void shouldRejectAPortOutsideTheTcpRange() {
        assertThatThrownBy(() -> EmbeddedKafka.builder().dataDir(Path.of("x")).port(70_000).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 70000");
    }

    @Test
    void shouldRejectANonPositiveTimeout() {
        assertThatThrownBy(() -> EmbeddedKafka.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseToReportAnAddressBeforeStart() {
        EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(Path.of("target", "never-started")).build();

        assertThatThrownBy(kafka::bootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call start() first");
        assertThat(kafka.dataDir()).isAbsolute();
    }

    @Test
    void shouldNameATakenPortBeforeStartingAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(Path.of("target", "never-started"))
                    .port(taken.getLocalPort()).build();

            assertThatThrownBy(kafka::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("broker port 127.0.0.1:" + taken.getLocalPort() + " is in use");
            assertThat(Path.of("target", "never-started")).doesNotExist();
        }
    }

    @Test
    void shouldFindAFreeLoopbackPortWhenAskedForPortZero() {
        int port = FreePorts.resolve(0, 0).broker();

        assertThat(port).isBetween(1, 65_535);
        assertThat(FreePorts.resolve(port, 0).broker()).isEqualTo(port);
    }

    @Test
    void shouldNeverPickTheSamePortTwiceForBrokerAndController() {
        for (int i = 0; i < 500; i++) { // a port closed is often the next one handed out again
            FreePorts.Ports ports = FreePorts.resolve(0, 0);
            assertThat(ports.broker()).isNotEqualTo(ports.controller());
            FreePorts.Ports fixedBroker = FreePorts.resolve(ports.broker(), 0);
            assertThat(fixedBroker.controller()).isNotEqualTo(ports.broker());
        }
    }

    @Test
    void shouldRefuseTheSameFixedPortForBrokerAndController() {
        assertThatThrownBy(() -> FreePorts.resolve(9092, 9092))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("broker and controller ports must differ, both are 9092");
        assertThatThrownBy(() -> EmbeddedKafka.builder().dataDir(Path.of("target", "never-built"))
                .port(9092).controllerPort(9092).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("broker and controller ports must differ, both are 9092");
    }
}
