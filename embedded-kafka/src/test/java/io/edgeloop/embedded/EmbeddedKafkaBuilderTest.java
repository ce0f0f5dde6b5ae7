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
        int port = FreePorts.resolve(0);

        assertThat(port).isBetween(1, 65_535);
        assertThat(FreePorts.resolve(port)).isEqualTo(port);
    }
}
