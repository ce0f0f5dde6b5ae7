package io.edgeloop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a market data directory holds: each sub-folder with its number of data files.
 *
 * @param dir the directory
 * @param folders one entry per sub-folder, sorted by name
 */
record MarketDataSummary(Path dir, List<Folder> folders) {

    /** A sub-folder and how many {@code .json} / {@code .csv} files it holds. */
    record Folder(String name, long files) {
    }

    static MarketDataSummary of(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            List<Folder> folders = children.filter(Files::isDirectory).sorted()
                    .map(d -> new Folder(d.getFileName().toString(), countDataFiles(d)))
                    .toList();
            return new MarketDataSummary(dir, folders);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the market data directory " + dir, e);
        }
    }

    private static long countDataFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") || n.endsWith(".csv"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    long totalFiles() {
        return folders.stream().mapToLong(Folder::files).sum();
    }
}
