package io.edgeloop.connectors;

import io.edgeloop.core.candle.CandleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Lists the candle files under the configured paths: directories are searched recursively,
 * files are taken as given; only files {@link CandleFiles#isCandleFile} accepts and that have
 * not been modified for {@code minAgeMillis} (so a file still being written is left for a later
 * scan). The candle-file test is cached per path, size and modification time.
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

    private final List<Path> roots;
    private final long minAgeMillis;
    private final Clock clock;
    private final Map<Path, Classified> classified = new HashMap<>();

    private record Classified(long size, long modified, boolean candleFile) {
    }

    CandleFileScanner(List<Path> roots, long minAgeMillis, Clock clock) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.minAgeMillis = minAgeMillis;
        this.clock = clock;
    }

    /**
     * The candle files now present, sorted by path.
     *
     * @throws IOException when a configured path cannot be listed (retriable: the next scan tries again)
     */
    List<FileStat> scan() throws IOException {
        TreeSet<Path> candidates = new TreeSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(p -> candidates.add(p.toAbsolutePath().normalize()));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if (Files.isRegularFile(root)) {
                candidates.add(root);
            } else {
                LOG.warn("configured path {} is missing; it is scanned again on the next poll", root);
            }
        }
        long youngest = clock.millis() - minAgeMillis;
        List<FileStat> out = new ArrayList<>(candidates.size());
        for (Path p : candidates) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (NoSuchFileException gone) {
                continue;
            }
            FileStat stat = new FileStat(p, attrs.size(), attrs.lastModifiedTime().toMillis());
            if (stat.modified() > youngest || !isCandleFile(stat)) {
                continue;
            }
            out.add(stat);
        }
        classified.keySet().retainAll(candidates);
        return out;
    }

    private boolean isCandleFile(FileStat stat) throws IOException {
        Classified c = classified.get(stat.path());
        if (c == null || c.size() != stat.size() || c.modified() != stat.modified()) {
            boolean candle;
            try {
                candle = CandleFiles.isCandleFile(stat.path());
            } catch (NoSuchFileException gone) {
                return false;
            }
            c = new Classified(stat.size(), stat.modified(), candle);
            classified.put(stat.path(), c);
        }
        return c.candleFile();
    }
}
