package io.edgeloop.retro;

import io.edgeloop.core.retro.Proposal;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.json.AvroJson;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Proposal files: one {@code ModelChange} per line as plain JSON with the Avro field names
 * ({@code proposals.jsonl} of a retrospective, {@code seed-proposals.jsonl} of seeding).
 */
public final class ProposalFiles {

    public static final String PROPOSALS = "proposals.jsonl";
    public static final String SEED_PROPOSALS = "seed-proposals.jsonl";

    private ProposalFiles() {
    }

    /** The proposals as changelog records (status PROPOSED), stamped {@code proposedAt}. */
    public static List<ModelChange> records(List<Proposal> proposals, Instant proposedAt) {
        return proposals.stream().map(p -> ChangeRecords.toAvro(p, proposedAt, BetaPrior.UNIFORM)).toList();
    }

    /** Writes the proposals to {@code dir/name} (replacing an earlier file) and returns the file. */
    public static Path write(List<Proposal> proposals, Instant proposedAt, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ModelChange change : records(proposals, proposedAt)) {
                out.write(AvroJson.toLine(change));
                out.write('\n');
            }
        }
        return file;
    }
}
