package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.edgeloop.schemas.topics.Topics;

class DemoCommandIT {

    private static final String MARKET_DATA = System.getProperty("edgeloop.data.dir", "../../shared/data");
    private final Path dataDir = Path.of("target", "it-demo", UUID.randomUUID().toString());

    @AfterEach
    void deleteDataDir() {
        TestFiles.deleteRecursively(dataDir);
    }

    @Test
    void shouldStartTheStackShowTheMarketDataAndSayWhatIsNotThereYet() {
        Cli cli = Cli.run("demo", "--data-dir", dataDir.toString(), "--port", "0",
                "--data", MARKET_DATA, "--exit-after-summary");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .containsPattern("broker ready in \\d+ ms \\(format \\d+ ms, new storage\\)")
                .containsPattern("bootstrap servers 127\\.0\\.0\\.1:\\d+")
                .contains("topics: " + Topics.all().size() + " created")
                .containsPattern("universe-daily +238 files")
                .contains("not there yet")
                .contains("streams-app: scores, signals, predictions and paper trades")
                .contains("stopped cleanly");
        assertThat(dataDir.resolve("edgeloop.log")).isNotEmptyFile();
    }
}
