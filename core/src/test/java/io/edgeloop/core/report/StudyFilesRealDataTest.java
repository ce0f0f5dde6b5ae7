package io.edgeloop.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.mining.DailyDataFixture;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.Study;
import io.edgeloop.core.mining.StudyResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five study outputs over all real daily data. No score trail exists yet, so the lead-up
 * part must say so. The files stay in {@code target/study-findings} for a person to open.
 */
class StudyFilesRealDataTest {

    private static final Path OUT = Path.of("target", "study-findings");
    private static StudyResult study;

    @BeforeAll
    static void writeStudy() throws Exception {
        study = Study.defaults().run(DailyDataFixture.allDaily(), DailyDataFixture.sectors(), t -> Optional.empty());
        StudyFiles.writeAll(study, "Daily bars of universe-daily, history and etf-daily", OUT);
    }

    static Document parse(Path html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(html.toFile());
    }

    @Test
    void shouldWriteOneJsonLinePerMove() throws Exception {
        List<String> lines = Files.readAllLines(OUT.resolve(StudyFiles.MOVES), StandardCharsets.UTF_8);

        assertThat(lines).hasSize(study.mining().moves().size());
        JsonNode bmnr = new ObjectMapper().readTree(lines.stream()
                .filter(l -> l.contains("\"BMNR\"") && l.contains("\"2025-06-27\"") && l.contains("\"UP\""))
                .findFirst().orElseThrow());
        assertThat(bmnr.get("sector").asText()).isEqualTo("Health Care");
        assertThat(bmnr.get("windowDays").asInt()).isEqualTo(5);
        assertThat(bmnr.get("peakDate").asText()).isEqualTo("2025-07-03");
        assertThat(bmnr.get("magnitudePct").asDouble()).isBetween(3674.8, 3675.0);
        assertThat(Files.readAllLines(OUT.resolve(StudyFiles.PATTERN_FEATURES))).isEmpty();
    }

    @Test
    void shouldWriteWellFormedHtmlWithTheMoveChartsAndTheRealNumbers() throws Exception {
        Document doc = parse(OUT.resolve(StudyFiles.FINDINGS_HTML));
        String html = Files.readString(OUT.resolve(StudyFiles.FINDINGS_HTML));

        NodeList svgs = doc.getElementsByTagName("svg");
        assertThat(svgs.getLength()).as("moves by window and by sector").isEqualTo(2);
        Element byWindow = (Element) svgs.item(0);
        assertThat(byWindow.getElementsByTagName("rect").getLength()).as("legend 2 + UP/DOWN per window")
                .isEqualTo(2 + 2 * 4);
        long[] three = study.mining().countsByWindow().get(3);
        assertThat(byWindow.getTextContent()).contains(Fmt.count(three[0]) + " up / " + Fmt.count(three[1]) + " down");
        assertThat(doc.getElementsByTagName("figcaption").item(0).getTextContent())
                .contains("n = " + Fmt.count(study.mining().moves().size()) + " moves");
        assertThat(html).contains(Fmt.count(study.mining().upCount()), Fmt.count(study.mining().downCount()),
                "BMNR", "+3674.9%", "No score trail covers any move");
        long sectors = study.mining().moves().stream().map(Move::sector).distinct().count();
        Element bySector = (Element) svgs.item(1);
        assertThat(bySector.getElementsByTagName("text").getLength()).as("legend 2 + label and value per sector")
                .isEqualTo(2 + 2 * (int) sectors);
    }

    @Test
    void shouldWriteMarkdownWithTheSameTotals() throws Exception {
        String md = Files.readString(OUT.resolve(StudyFiles.FINDINGS_MD));

        assertThat(md).contains("| " + Fmt.count(study.mining().moves().size()) + " | "
                + Fmt.count(study.mining().upCount()) + " | " + Fmt.count(study.mining().downCount()) + " |");
        assertThat(md).contains("## Moves by sector (n = " + Fmt.count(study.mining().moves().size()) + ")");
        assertThat(md).contains("| BMNR | Health Care | UP | 5 d | 2025-06-27 | 2025-07-03 | +3674.9% |");
    }
}
