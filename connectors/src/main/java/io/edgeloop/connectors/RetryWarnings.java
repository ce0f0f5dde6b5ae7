package io.edgeloop.connectors;

import org.slf4j.Logger;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Warnings about paths that cannot be read now and are retried on every scan: one WARN per path
 * and version (a file's {@code size:mtime}, or what failed), not one per scan. A path that reads
 * again is forgotten at the end of the scan, so a later failure is logged again.
 * Not thread-safe; owned by one scan loop.
 */
final class RetryWarnings {

    private final Logger log;
    private final Map<Path, String> warned = new HashMap<>();
    private final Set<Path> failing = new HashSet<>();

    RetryWarnings(Logger log) {
        this.log = log;
    }

    /** Notes that {@code path} failed in this scan; logs it unless this version was logged already. */
    void failed(Path path, String version, String what, Exception e) {
        failing.add(path);
        if (!version.equals(warned.put(path, version))) {
            log.warn("{}: {} ({}); retried on every scan", what, path, e.toString());
        }
    }

    /** Ends a scan: paths that did not fail in it are forgotten. */
    void scanDone() {
        warned.keySet().retainAll(failing);
        failing.clear();
    }
}
