package io.edgeloop.admin.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The retrospective's reports in the reports directory: every {@code .html} file in it and one
 * level of sub-directories, newest first, and the newest findings ({@code FINDINGS} in the name)
 * and retrospective ({@code RETRO}) among them. Files are named by their path relative to the
 * directory; {@link #file} resolves only names that the listing holds.
 */
final class Reports {

    /**
     * A report file.
     *
     * @param name       path relative to the reports directory, with '/'
     * @param kind       FINDINGS, RETRO or OTHER
     * @param modifiedAt last modification
     * @param bytes      size
     */
    record Report(String name, String kind, Instant modifiedAt, long bytes) {
    }

    /**
     * The listing.
     *
     * @param dir            the directory
     * @param exists         whether it exists
     * @param latestFindings newest findings report, or null
     * @param latestRetro    newest retrospective report, or null
     * @param files          every report, newest first
     */
    record Listing(String dir, boolean exists, Report latestFindings, Report latestRetro, List<Report> files) {
    }

    private final Path dir;

    Reports(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Listing list() {
        if (!Files.isDirectory(dir)) {
            return new Listing(dir.toString(), false, null, null, List.of());
        }
        List<Report> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir, 2)) {
            paths.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html"))
                    .forEach(p -> files.add(report(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the reports in " + dir, e);
        }
        files.sort(Comparator.comparing(Report::modifiedAt).reversed().thenComparing(Report::name));
        return new Listing(dir.toString(), true, latest(files, "FINDINGS"), latest(files, "RETRO"), files);
    }

    /** The file of a listed report. */
    Optional<Path> file(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return list().files().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(r -> dir.resolve(r.name()).normalize())
                .filter(p -> p.startsWith(dir));
    }

    private Report report(Path p) {
        String name = dir.relativize(p).toString().replace('\\', '/');
        String upper = p.getFileName().toString().toUpperCase(Locale.ROOT);
        String kind = upper.contains("FINDINGS") ? "FINDINGS" : upper.contains("RETRO") ? "RETRO" : "OTHER";
        try {
            return new Report(name, kind, Files.getLastModifiedTime(p).toInstant(), Files.size(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    private static Report latest(List<Report> files, String kind) {
        return files.stream().filter(r -> r.kind().equals(kind)).findFirst().orElse(null);
    }
}
