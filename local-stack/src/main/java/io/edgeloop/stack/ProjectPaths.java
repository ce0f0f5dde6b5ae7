package io.edgeloop.stack;

import java.nio.file.Path;

/**
 * Where the project is: the {@code EDGELOOP_HOME} environment variable (the launcher script sets
 * it to the repository root), else the {@code edgeloop.home} system property, else the current
 * directory.
 */
final class ProjectPaths {

    static final String HOME_ENV = "EDGELOOP_HOME";
    static final String HOME_PROPERTY = "edgeloop.home";

    private ProjectPaths() {
    }

    static Path home() {
        String env = System.getenv(HOME_ENV);
        String home = env != null && !env.isBlank() ? env : System.getProperty(HOME_PROPERTY, ".");
        return Path.of(home).toAbsolutePath().normalize();
    }

    /** The real market data beside the project: {@code ../shared/data} from the project root. */
    static Path defaultMarketData() {
        return home().resolve("..").resolve("shared").resolve("data").normalize();
    }
}
