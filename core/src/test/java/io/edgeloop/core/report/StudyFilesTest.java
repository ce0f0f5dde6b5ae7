package io.edgeloop.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.core.mining.ArchetypeScore;
import io.edgeloop.core.mining.StudyResult;
import io.edgeloop.core.mining.StudyFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The outputs of a small built study with a hand-built trail, so every section is filled. */
class StudyFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldDrawArchetypeWhiskersAndLiftWithTheirN() throws Exception {
        StudyResult study = StudyFixtures.withTrail();
        StudyFiles.writeAll(study, "Built bars", dir);
        StudyFiles.writeAll(study, "Built bars with a hand-built trail", Path.of("target", "study-findings-built"));

        Document doc = StudyFilesRealDataTest.parse(dir.resolve(StudyFiles.FINDINGS_HTML));
        NodeList svgs = doc.getElementsByTagName("svg");
        assertThat(svgs.getLength()).isEqualTo(4);
        Element archetypes = (Element) svgs.item(2);
        long matched = study.scores().archetypes().stream().filter(a -> a.stats().n() > 0).count();
        assertThat(matched).isPositive();
        assertThat(archetypes.getElementsByTagName("circle").getLength()).isEqualTo((int) matched);
        assertThat(archetypes.getElementsByTagName("line").getLength())
                .as("5 gridlines, base rate, 3 whisker lines per matched archetype").isEqualTo(6 + 3 * (int) matched);
        ArchetypeScore first = study.scores().archetypes().stream().filter(a -> a.stats().n() > 0).findFirst()
                .orElseThrow();
        assertThat(archetypes.getTextContent()).contains(first.name(),
                Fmt.pct(first.stats().upPct()) + " (n=" + first.stats().n() + ")", "n=0, no match",
                "base rate " + Fmt.pct(study.scores().baseline().upPct()));
        Element lift = (Element) svgs.item(3);
        assertThat(lift.getTextContent()).contains(study.scores().lift().get(0).feature(),
                "(n=" + study.scores().lift().get(0).present().n() + ")");
        assertThat(doc.getElementsByTagName("figcaption").item(2).getTextContent())
                .contains("n = " + study.scores().baseline().n() + " moves with a lead-up");
    }

    @Test
    void shouldWriteFeaturesAndScoresAsJson() throws Exception {
        StudyResult study = StudyFixtures.withTrail();
        StudyFiles.writeAll(study, "Built bars", dir);
        ObjectMapper json = new ObjectMapper();

        List<String> features = Files.readAllLines(dir.resolve(StudyFiles.PATTERN_FEATURES));
        assertThat(features).hasSize(study.features().size());
        JsonNode line = json.readTree(features.get(0));
        assertThat(line.get("leadUp").get("htf").get("trend").asText()).isNotEmpty();
        assertThat(line.get("archetypes").isArray()).isTrue();
        assertThat(line.get("peak").get("flags").get("kinds").isInt()).isTrue();

        JsonNode scores = json.readTree(dir.resolve(StudyFiles.PATTERN_SCORES).toFile());
        assertThat(scores.get("archetypes")).hasSize(22);
        assertThat(scores.get("baseline").get("n").asInt()).isEqualTo(study.features().size());
        assertThat(scores.get("pairsTested").asInt()).isEqualTo(231);
        JsonNode neutral = scores.get("archetypes").get(16);
        assertThat(neutral.get("bias").asText()).isEqualTo("NEUTRAL");
        assertThat(neutral.get("directionalAccuracyPct").isNull()).isTrue();
        assertThat(scores.get("featureLift").get(0).get("present").get("n").isInt()).isTrue();
    }

    @Test
    void shouldEscapeTextInTheHtml() throws Exception {
        StudyResult study = StudyFixtures.withTrail();

        String html = FindingsHtml.render(study, "Bars <from> \"A&B\"");

        assertThat(html).contains("Bars &lt;from&gt; &quot;A&amp;B&quot;");
        Files.writeString(dir.resolve("x.html"), html);
        assertThat(StudyFilesRealDataTest.parse(dir.resolve("x.html")).getDocumentElement().getTagName())
                .isEqualTo("html");
    }
}
