package io.edgeloop.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options of every command that starts the local stack ({@code stack}, {@code demo}, ...). */
final class StackOptions {

    static final String DEFAULT_DATA_DIR = ".edgeloop/stack";
    static final int DEFAULT_PORT = 9092;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = DEFAULT_DATA_DIR,
            description = {"Broker data, config and log file; kept between runs, delete it to start empty.",
                "Default: ${DEFAULT-VALUE} (under the current directory)."})
    Path dataDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DEFAULT_PORT,
            description = "Client port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "0",
            description = "KRaft controller port on 127.0.0.1 (default: any free port).")
    int controllerPort;

    @Option(names = "--broker-property", paramLabel = "KEY=VALUE",
            description = "Extra broker property, wins over the defaults; repeatable.")
    Map<String, String> brokerProperties = new LinkedHashMap<>();

    /** The settings; a port outside 0..65535 or two equal fixed ports is a usage error (exit code 2). */
    StackSettings settings() {
        checkPort("--port", port);
        checkPort("--controller-port", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new ParameterException(mixee.commandLine(), "--port and --controller-port must differ, both are " + port);
        }
        return new StackSettings(dataDir, port, controllerPort, brokerProperties);
    }

    private void checkPort(String option, int value) {
        if (value < 0 || value > 65_535) {
            throw new ParameterException(mixee.commandLine(), option + " must be 0 (any free port) or 1..65535, got " + value);
        }
    }
}
