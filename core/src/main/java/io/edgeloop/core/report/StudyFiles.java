package io.edgeloop.core.report;

import io.edgeloop.core.mining.StudyResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a study's five outputs into one folder, replacing earlier ones. */
public final class StudyFiles {

    public static final String MOVES = "moves.jsonl";
    public static final String PATTERN_FEATURES = "pattern_features.jsonl";
    public static final String PATTERN_SCORES = "pattern_scores.json";
    public static final String FINDINGS_MD = "FINDINGS.md";
    public static final String FINDINGS_HTML = "FINDINGS.html";

    private StudyFiles() {
    }

    /**
     * Writes {@value #MOVES}, {@value #PATTERN_FEATURES}, {@value #PATTERN_SCORES},
     * {@value #FINDINGS_MD} and {@value #FINDINGS_HTML} into {@code dir} (created when missing).
     *
     * @param dataDescription where the candles came from, in words, for the findings
     */
    public static void writeAll(StudyResult study, String dataDescription, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer out = Files.newBufferedWriter(dir.resolve(MOVES), StandardCharsets.UTF_8)) {
            StudyJson.writeMoves(study.mining().moves(), out);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(PATTERN_FEATURES), StandardCharsets.UTF_8)) {
            StudyJson.writeFeatures(study, out);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(PATTERN_SCORES), StandardCharsets.UTF_8)) {
            StudyJson.writeScores(study.scores(), out);
        }
        Files.writeString(dir.resolve(FINDINGS_MD), FindingsMarkdown.render(study, dataDescription),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(FINDINGS_HTML), FindingsHtml.render(study, dataDescription),
                StandardCharsets.UTF_8);
    }
}
