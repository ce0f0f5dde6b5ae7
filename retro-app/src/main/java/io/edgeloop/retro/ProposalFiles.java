package io.edgeloop.retro;

import io.edgeloop.core.retro.Proposal;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.json.AvroJson;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** {@code proposals.jsonl}: one {@code ModelChange} per line as plain JSON with the Avro field names. */
public final class ProposalFiles {

    public static final String PROPOSALS = "proposals.jsonl";

    private ProposalFiles() {
    }

    /** Writes the proposals (replacing an earlier file) and returns the file. */
    public static Path write(List<Proposal> proposals, Instant proposedAt, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(PROPOSALS);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Proposal p : proposals) {
                out.write(AvroJson.toLine(ChangeRecords.toAvro(p, proposedAt, BetaPrior.UNIFORM)));
                out.write('\n');
            }
        }
        return file;
    }
}
