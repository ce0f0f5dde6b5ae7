package io.edgeloop.connectors;

import io.edgeloop.core.candle.CandleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lists the candle files under the configured paths: directories are searched recursively,
 * files are taken as given; only files {@link CandleFiles#isCandleFile} accepts. A scan tells
 * files that are ready to read apart from files that are there but not ready now, so that the
 * feed never takes the second kind for deleted: a file modified less than {@code minAgeMillis}
 * ago (still being written), a file whose attributes or content cannot be read now (or that
 * vanished while the scan looked at it), and everything under a directory that cannot be listed.
 * Those are retried on the next scan; a failure is logged at WARN once per path and version.
 * The candle-file test is cached per path, size and modification time.
 */
final class CandleFileScanner {

    private static final Logger LOG = LoggerFactory.getLogger(CandleFileScanner.class);

    /**
     * A file as last seen.
     *
     * @param path     absolute, normalised
     * @param size     bytes
     * @param modified last modification, epoch ms
     */
    record FileStat(Path path, long size, long modified) {

        /** The version of the file, for offsets: {@code size:modified}. */
        String fingerprint() {
            return size + ":" + modified;
        }
    }

    /**
     * What one scan found.
     *
     * @param ready    candle files old enough to read, sorted by path
     * @param notReady files seen but not ready now (too young, unreadable, vanished mid-scan)
     * @param unlisted directories (or files) that could not be looked at: what is under them is unknown
     */
    record Scan(List<FileStat> ready, Set<Path> notReady, List<Path> unlisted) {

        /** True when {@code file}, absent from {@link #ready}, may still be there: it must not be taken as deleted. */
        boolean mayBePresent(Path file) {
            return notReady.contains(file) || unlisted.stream().anyMatch(file::startsWith);
        }
    }

    private final List<Path> roots;
    private final long minAgeMillis;
    private final Clock clock;
    private final Map<Path, Classified> classified = new HashMap<>();
    private final RetryWarnings warnings = new RetryWarnings(LOG);

    private record Classified(long size, long modified, boolean candleFile) {
    }

    CandleFileScanner(List<Path> roots, long minAgeMillis, Clock clock) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.minAgeMillis = minAgeMillis;
        this.clock = clock;
    }

    /** The candle files now present, and those present but not ready. */
    Scan scan() {
        TreeSet<Path> candidates = new TreeSet<>();
        List<Path> unlisted = new ArrayList<>();
        for (Path root : roots) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(root, BasicFileAttributes.class);
            } catch (NoSuchFileException missing) {
                warnings.failed(root, "missing", "configured path missing", missing);
                continue;
            } catch (IOException e) {
                unlisted.add(root);
                warnings.failed(root, e.toString(), "cannot look at configured path", e);
                continue;
            }
            if (attrs.isDirectory()) {
                walk(root, candidates, unlisted);
            } else if (attrs.isRegularFile()) {
                candidates.add(root);
            }
        }
        long youngest = clock.millis() - minAgeMillis;
        List<FileStat> ready = new ArrayList<>(candidates.size());
        Set<Path> notReady = new HashSet<>();
        for (Path p : candidates) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (IOException e) {
                notReady.add(p);
                if (!(e instanceof NoSuchFileException)) {
                    warnings.failed(p, e.toString(), "cannot read the attributes of", e);
                }
                continue;
            }
            FileStat stat = new FileStat(p, attrs.size(), attrs.lastModifiedTime().toMillis());
            if (stat.modified() > youngest) {
                notReady.add(p);
                continue;
            }
            Optional<Boolean> candle = isCandleFile(stat);
            if (candle.isEmpty()) {
                notReady.add(p);
            } else if (candle.get()) {
                ready.add(stat);
            }
        }
        classified.keySet().retainAll(candidates);
        warnings.scanDone();
        return new Scan(ready, notReady, unlisted);
    }

    /** Adds the regular files under {@code dir} (and symbolic links to regular files); notes what cannot be listed. */
    private void walk(Path dir, Set<Path> candidates, List<Path> unlisted) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file)) {
                        candidates.add(file.toAbsolutePath().normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return unlisted(file, e);
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    return e == null ? FileVisitResult.CONTINUE : unlisted(d, e);
                }

                private FileVisitResult unlisted(Path path, IOException e) {
                    Path p = path.toAbsolutePath().normalize();
                    unlisted.add(p);
                    if (!(e instanceof NoSuchFileException)) {
                        warnings.failed(p, e.toString(), "cannot list", e);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the visitor throws nothing", e);
        }
    }

    /** Whether the file is a candle file; empty when it cannot be read now. */
    private Optional<Boolean> isCandleFile(FileStat stat) {
        Classified c = classified.get(stat.path());
        if (c == null || c.size() != stat.size() || c.modified() != stat.modified()) {
            try {
                c = new Classified(stat.size(), stat.modified(), CandleFiles.isCandleFile(stat.path()));
            } catch (NoSuchFileException gone) {
                return Optional.empty();
            } catch (IOException e) {
                warnings.failed(stat.path(), stat.fingerprint(), "cannot read", e);
                return Optional.empty();
            }
            classified.put(stat.path(), c);
        }
        return Optional.of(c.candleFile());
    }
}
