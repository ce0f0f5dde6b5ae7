package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.edgeloop.embedded.Directories;

class DemoCommandIT {

    private static final String MARKET_DATA = System.getProperty("edgeloop.data.dir", "../../shared/data");
    private final Path work = Path.of("target", "it-demo", UUID.randomUUID().toString());

    @AfterEach
    void deleteWork() {
        Directories.deleteRecursively(work);
    }

    @Test
    void shouldRunTheLoopPrintTheSummaryAndSayWhereToLookNext() {
        Cli cli = Cli.run("demo", "--data", MARKET_DATA, "--run-dir", work.resolve("run").toString(), "--port", "0",
                "--admin-port", "0", "--tickers", "XLK,XLF,XLE", "--from", "2021-01-01", "--to", "2021-12-31",
                "--exit-after-summary");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .containsPattern("market data: \\d+ files \\(.*universe-daily 238")
                .containsPattern("the loop is done in [0-9.]+ s \\([0-9,]+ candles")
                .contains("edgeloop: tickers: 3 scored")
                .containsPattern("edgeloop: predictions: \\d+")
                .containsPattern("edgeloop: hit rate: .* overall")
                .contains("edgeloop: patterns: 17 in the library")
                .containsPattern("edgeloop: proposals: \\d+ pending")
                .contains("edgeloop: market regime:")
                .containsPattern("dashboard +http://127\\.0\\.0\\.1:\\d+/")
                .contains("login          user admin, password ")
                .containsPattern("market +http://localhost:\\d+/model/signals\\?level=market")
                .contains("backtest       edgeloop replay --data")
                .contains("stopped cleanly");
        assertThat(work.resolve("operators")).isNotEmptyFile();
        assertThat(cli.out()).containsPattern("loop in .*run \\(log: .*edgeloop\\.log\\)");
    }
}
