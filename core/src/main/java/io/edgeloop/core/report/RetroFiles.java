package io.edgeloop.core.report;

import io.edgeloop.core.retro.RetroResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a retrospective's reports into one folder: the study's five files plus RETRO.md and RETRO.html. */
public final class RetroFiles {

    public static final String RETRO_MD = "RETRO.md";
    public static final String RETRO_HTML = "RETRO.html";

    private RetroFiles() {
    }

    /**
     * Writes {@link StudyFiles#writeAll the study's files} of the retrospective's study, then
     * {@value #RETRO_MD} and {@value #RETRO_HTML}, into {@code dir} (created when missing).
     *
     * @param dataDescription where the candles came from, in words
     */
    public static void writeAll(RetroResult retro, String dataDescription, Path dir) throws IOException {
        StudyFiles.writeAll(retro.study(), dataDescription, dir);
        writeRetro(retro, dataDescription, true, dir);
    }

    /**
     * Writes {@value #RETRO_MD} and {@value #RETRO_HTML} alone, into {@code dir} (created when
     * missing); {@code withStudy} says whether the study's files are in the folder too, which
     * RETRO.md then points to.
     */
    public static void writeRetro(RetroResult retro, String dataDescription, boolean withStudy, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RETRO_MD), RetroMarkdown.render(retro, dataDescription, withStudy),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(RETRO_HTML), RetroHtml.render(retro, dataDescription), StandardCharsets.UTF_8);
    }
}
