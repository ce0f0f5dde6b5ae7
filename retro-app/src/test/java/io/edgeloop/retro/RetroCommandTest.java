package io.edgeloop.retro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.report.RetroFiles;
import io.edgeloop.core.report.StudyFiles;
import io.edgeloop.core.retro.TrailSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code edgeloop retro --data ../shared/data --out target/retro-2020-02-28 --as-of 2020-02-28}
 * on the real files, without a broker, with the engine's trails. The outputs stay in
 * {@code target/} for a person to open.
 */
class RetroCommandTest {

    private static final Path OUT = Path.of("target", "retro-2020-02-28");
    private static RetroRun run;

    static Path data() {
        return Path.of(System.getProperty("edgeloop.data.dir"));
    }

    @BeforeAll
    static void runOnTheSharedData() throws Exception {
        run = RetroCommand.standard().run(data(), OUT, RetroOptions.defaults().withAsOf(LocalDate.of(2020, 2, 28)));
    }

    @Test
    void shouldWriteTheStudyTheRetrospectiveAndTheProposals() {
        assertThat(run.files()).extracting(p -> p.getFileName().toString()).containsExactly(StudyFiles.MOVES,
                StudyFiles.PATTERN_FEATURES, StudyFiles.PATTERN_SCORES, StudyFiles.FINDINGS_MD, StudyFiles.FINDINGS_HTML,
                RetroFiles.RETRO_MD, RetroFiles.RETRO_HTML, ProposalFiles.PROPOSALS);
        assertThat(run.files()).allSatisfy(f -> assertThat(f).exists().isNotEmptyFile());
        assertThat(run.result().trails()).as("tickers with bars up to the as-of date").isGreaterThan(40);
        assertThat(run.result().sample()).isNotEmpty();
        assertThat(run.result().rescoring()).hasSize(17);
        assertThat(run.bars()).isGreaterThan(180_000);
        assertThat(run.result().windows().asOf()).isEqualTo(LocalDate.of(2020, 2, 28));
    }

    @Test
    void shouldWriteOneChangelogRecordPerProposalWithTheAvroFieldNames() throws Exception {
        List<String> lines = Files.readAllLines(OUT.resolve(ProposalFiles.PROPOSALS), StandardCharsets.UTF_8);

        assertThat(lines).hasSize(run.result().proposals().size()).isNotEmpty();
        JsonNode market = new ObjectMapper().readTree(lines.stream()
                .filter(l -> l.contains("\"retro-2020-02-28-regime_alert-market\"")).findFirst().orElseThrow());
        assertThat(market.get("kind").asText()).isEqualTo("REGIME_ALERT");
        assertThat(market.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(market.get("proposedBy").asText()).isEqualTo("retrospective");
        assertThat(market.get("proposedAt").asText()).isEqualTo("2020-02-28T21:15:00Z");
        assertThat(market.get("patternId").isNull()).isTrue();
        assertThat(market.get("evidence").get("recentRate").asDouble()).isLessThan(0.35);
    }

    @Test
    void shouldWriteReadableReportsThatSayWhatWasMissing() throws Exception {
        String md = Files.readString(OUT.resolve(RetroFiles.RETRO_MD));
        String html = Files.readString(OUT.resolve(RetroFiles.RETRO_HTML));

        assertThat(md).startsWith("# Retrospective as of 2020-02-28").contains("| REGIME_ALERT |",
                "| bull_state_dominance | UP | ACTIVE |", "pairs and triples counted as tests | 2,300");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        assertThat(factory.newDocumentBuilder().parse(OUT.resolve(RetroFiles.RETRO_HTML).toFile())
                .getElementsByTagName("svg").getLength()).as("the regime chart").isPositive();
        assertThat(html).contains("Change in UP share of moves", "market *", "Pattern hit rates, prior and recent window");
    }

    @Test
    void shouldSayClearlyWhenTheDataFolderOrLibraryIsMissing() {
        RetroCommand command = new RetroCommand((d, library) -> TrailSource.NONE);

        assertThatThrownBy(() -> command.run(Path.of("no-such-folder"), OUT, RetroOptions.defaults()))
                .hasMessageContaining("data folder no-such-folder does not exist");
        assertThatThrownBy(() -> command.run(data().resolve("history"), OUT.resolve("x"),
                RetroOptions.defaults().withLibrary("no-such-library.json")))
                .hasMessageContaining("pattern library file no-such-library.json does not exist");
    }
}
