package io.edgeloop.retro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.retro.PatternEdge;
import io.edgeloop.core.retro.Proposal;
import io.edgeloop.core.retro.ProposalKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeding on the shared data: the seed library judged on every daily bar up to 2025-12-31. */
class RetroSeedTest {

    private static final Path OUT = Path.of("target", "seed-2025-12-31");
    private static SeedRun run;

    @BeforeAll
    static void seedOnTheSharedData() throws Exception {
        run = RetroCommand.standard().seed(RetroCommandTest.data(), OUT,
                RetroOptions.defaults().withAsOf(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void shouldJudgeEverySeedPatternOnTheWholeHistory() {
        assertThat(run.result().edges()).hasSize(17);
        assertThat(run.result().asOf()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(run.result().from()).isBefore(LocalDate.of(1990, 1, 1));
        assertThat(run.result().tickers()).isGreaterThan(250);
        assertThat(run.result().edges()).filteredOn(e -> e.verdict() != PatternEdge.Verdict.INSUFFICIENT_DATA)
                .as("patterns with enough matches on 30 years of daily bars").hasSizeGreaterThan(8)
                .allSatisfy(e -> assertThat(e.baseRate()).isBetween(0.05, 0.95));
        for (PatternEdge e : run.result().edges()) {
            boolean significant = e.qValue() <= 0.05;
            switch (e.verdict()) {
                case CONFIRMED, PROMOTE -> assertThat(significant && e.liftPts() > 0).as(e.patternId()).isTrue();
                case DEGRADE, ADVERSE -> assertThat(significant && e.liftPts() < 0).as(e.patternId()).isTrue();
                case NO_EDGE -> assertThat(significant && e.liftPts() != 0).as(e.patternId()).isFalse();
                case INSUFFICIENT_DATA -> assertThat(e.test().insufficient()).as(e.patternId()).isTrue();
                default -> throw new AssertionError(e.verdict());
            }
        }
    }

    @Test
    void shouldWriteTheReportAndOneChangelogRecordPerProposal() throws Exception {
        assertThat(run.files()).extracting(p -> p.getFileName().toString())
                .containsExactly(RetroCommand.SEED_MD, ProposalFiles.SEED_PROPOSALS);
        String md = Files.readString(OUT.resolve(RetroCommand.SEED_MD));
        assertThat(md).startsWith("# Seeding: the library judged on the history")
                .contains("| bull_state_dominance | UP | ACTIVE |", "Base rate (not matched)");
        List<String> lines = Files.readAllLines(OUT.resolve(ProposalFiles.SEED_PROPOSALS), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(run.result().proposals().size()).hasSameSizeAs(run.changes());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            Proposal p = run.result().proposals().get(i);
            JsonNode change = json.readTree(lines.get(i));
            assertThat(p.kind()).isIn(ProposalKind.PROMOTE, ProposalKind.DEGRADE);
            assertThat(change.get("id").asText()).isEqualTo(p.id()).startsWith("seed-2025-12-31-");
            assertThat(change.get("status").asText()).isEqualTo("PROPOSED");
            assertThat(change.get("evidence").get("details").get("baseRate").asText()).isNotBlank();
        }
    }
}
