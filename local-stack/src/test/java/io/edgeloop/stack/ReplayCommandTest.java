package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayCommandTest {

    private static final String MARKET_DATA = System.getProperty("edgeloop.data.dir", "../../shared/data");

    @Test
    void shouldListEveryOptionInItsHelp() {
        Cli cli = Cli.run("replay", "--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("Usage: edgeloop replay").contains("--data=DIR").contains("--out=DIR")
                .contains("--tickers=T,...").contains("--from=DATE").contains("--to=DATE").contains("--no-retro")
                .contains("--run-dir=DIR");
    }

    @Test
    void shouldRequireDataAndOut() {
        Cli cli = Cli.run("replay");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing required options: '--data=DIR', '--out=DIR'").contains("Usage: edgeloop replay");
    }

    @Test
    void shouldRefuseADateThatDoesNotParse() {
        Cli cli = Cli.run("replay", "--data", MARKET_DATA, "--out", "target/never", "--from", "2020-13-01");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Invalid value for option '--from'").contains("2020-13-01")
                .contains("Usage: edgeloop replay");
    }

    @Test
    void shouldRefuseFromAfterTo() {
        Cli cli = Cli.run("replay", "--data", MARKET_DATA, "--out", "target/never", "--from", "2021-01-01", "--to", "2020-01-01");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--from 2021-01-01 is after --to 2020-01-01").contains("Usage: edgeloop replay");
    }

    @Test
    void shouldRefuseAMissingDataDirectory() {
        Cli cli = Cli.run("replay", "--data", "target/no-such-dir", "--out", "target/never");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--data: no such directory: target/no-such-dir");
    }

    @Test
    void shouldRefuseARunDirectoryItDidNotMakeAsAUsageErrorAndKeepItsFiles() throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "not-a-run-dir"));
        java.nio.file.Path precious = java.nio.file.Files.writeString(folder.resolve("precious.txt"), "keep me");

        Cli cli = Cli.run("replay", "--data", MARKET_DATA, "--out", "target/never", "--run-dir", folder.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--run-dir: refusing to empty").contains("Usage: edgeloop replay");
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void shouldRefuseATickerNoCandleFileNamesAndAMalformedOne() {
        Cli unknown = Cli.run("replay", "--data", MARKET_DATA, "--out", "target/never", "--tickers", "spy,QQQQ,BRK.B");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--tickers: no candle file under " + MARKET_DATA + " names QQQQ (")
                .doesNotContain("SPY").doesNotContain("BRK-B").contains("Usage: edgeloop replay");

        Cli malformed = Cli.run("replay", "--data", MARKET_DATA, "--out", "target/never", "--tickers", "SPY,QQ@Q");

        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("--tickers: symbol 'QQ@Q' has characters outside");
    }

    @Test
    void shouldRefuseAnOutputFolderInsideTheRunDirectory() {
        Cli cli = Cli.run("replay", "--data", MARKET_DATA, "--out", "target/rd/out", "--run-dir", "target/rd");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--out target/rd/out is inside --run-dir target/rd, which a run empties when it"
                + " starts; choose a folder outside it");
        assertThat(java.nio.file.Path.of("target", "rd", "out")).doesNotExist();
    }

    @Test
    void shouldRefuseAnEmptyTicker() {
        Cli cli = Cli.run("replay", "--data", MARKET_DATA, "--out", "target/never", "--tickers", "SPY,,QQQ");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--tickers: an empty ticker");
    }
}
