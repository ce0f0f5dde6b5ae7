package io.edgeloop.retro;

import io.edgeloop.core.retro.RetroResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one {@link RetroCommand} run did.
 *
 * @param result  the retrospective
 * @param files   the files written, in the order written
 * @param bars    daily bars read
 * @param load    time to read the data folder
 * @param trails  time to build the score trails
 * @param compute time of the study and the retrospective
 */
public record RetroRun(RetroResult result, List<Path> files, long bars, Duration load, Duration trails,
                       Duration compute) {

    public RetroRun {
        files = List.copyOf(files);
    }
}
