package io.edgeloop.admin.cli;

import io.edgeloop.admin.AdminOptions;
import io.edgeloop.admin.auth.AuthenticationException;
import io.edgeloop.admin.auth.Operator;
import io.edgeloop.admin.auth.OperatorAccounts;
import io.edgeloop.core.config.AppConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Options every admin command shares: where the cluster is, the admin's configuration, and the
 * operator's credential. The password comes from {@code --password-file}, else the
 * {@value #PASSWORD_ENV} environment variable, else an interactive prompt; it is never an
 * option value (it would show in the process list and the shell history).
 */
public final class ClusterOptions {

    /** Environment variable with the operator's password. */
    public static final String PASSWORD_ENV = "EDGELOOP_ADMIN_PASSWORD";
    /** Environment variable with the operator's name, when {@code --user} is not given. */
    public static final String USER_ENV = "EDGELOOP_ADMIN_USER";

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: kafka.bootstrap.servers from --config or KAFKA_BOOTSTRAP_SERVERS, "
                    + "else the local stack's " + AdminOptions.DEFAULT_BOOTSTRAP + ").")
    String bootstrap;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with admin options and kafka.* settings.")
    Path config;

    @Option(names = "--operators", paramLabel = "FILE",
            description = "Operator accounts file (default: operators.file, .edgeloop/operators).")
    Path operators;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "How long to wait for the broker, e.g. 10s (default: broker.timeout, 10s).")
    String timeout;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any admin option or kafka.* setting; repeatable.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--user", paramLabel = "NAME", description = "Operator name (default: $" + USER_ENV + ").")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password (default: $" + PASSWORD_ENV + ", else a prompt).")
    Path passwordFile;

    private final Map<String, String> env;

    /** Options that read the process environment. */
    public ClusterOptions() {
        this(System.getenv());
    }

    /** Options that read the given environment (tests). */
    public ClusterOptions(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * The admin configuration: defaults &lt; --config file &lt; APP_/KAFKA_ environment &lt; these flags.
     *
     * @throws io.edgeloop.core.config.ConfigException for a config file that cannot be read, an
     *     unknown setting or a value that does not parse or is out of range (a usage error, exit 2)
     */
    AppConfig config(List<String> extraFlags) {
        Properties file = config == null ? new Properties() : AdminOptions.file(config);
        List<String> flags = new ArrayList<>(settings);
        if (bootstrap != null) {
            flags.add("kafka.bootstrap.servers=" + bootstrap);
        }
        if (operators != null) {
            flags.add(AdminOptions.OPERATORS_FILE.name() + "=" + operators);
        }
        if (timeout != null) {
            flags.add(AdminOptions.BROKER_TIMEOUT.name() + "=" + timeout);
        }
        flags.addAll(extraFlags);
        return AppConfig.resolve(AdminOptions.all(), file, env, flags);
    }

    /**
     * The operator behind the credential.
     *
     * @throws AuthenticationException when the name or password is missing or wrong, or the
     *     accounts file cannot be read
     */
    Operator authenticate(AppConfig config) {
        String name = user != null ? user : env.get(USER_ENV);
        if (name == null || name.isBlank()) {
            throw new AuthenticationException("no operator name: pass --user NAME (or set " + USER_ENV + ")");
        }
        OperatorAccounts accounts;
        try {
            accounts = OperatorAccounts.read(AdminOptions.operatorsFile(config));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("cannot check the credential: " + e.getMessage());
        }
        char[] password = password("Password for " + name + ": ");
        try {
            return accounts.require(name.strip(), password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The password from the file, the environment or the console. */
    char[] password(String prompt) {
        if (passwordFile != null) {
            try {
                List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                if (lines.isEmpty() || lines.get(0).isEmpty()) {
                    throw new AuthenticationException("the password file " + passwordFile + " is empty");
                }
                return lines.get(0).toCharArray();
            } catch (IOException e) {
                throw new AuthenticationException("cannot read the password file " + passwordFile + ": " + e.getMessage());
            }
        }
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        if (System.console() != null) {
            char[] typed = System.console().readPassword("%s", prompt);
            if (typed != null && typed.length > 0) {
                return typed;
            }
        }
        throw new AuthenticationException("no password: set " + PASSWORD_ENV + " or pass --password-file FILE");
    }
}
