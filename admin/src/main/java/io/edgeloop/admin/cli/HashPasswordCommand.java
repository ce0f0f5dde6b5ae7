package io.edgeloop.admin.cli;

import io.edgeloop.admin.auth.Operator;
import io.edgeloop.admin.auth.PasswordHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code edgeloop admin hash-password}: a line for the operators file. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {"Hash a password for the operators file (PBKDF2-HMAC-SHA256, random salt).",
            "The password comes from --password-file, else $" + ClusterOptions.PASSWORD_ENV + ", else a prompt.",
            "With --user, prints the whole line NAME:HASH[:ROLE] to append to the file."})
public final class HashPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--role", paramLabel = "ROLE", description = "operator (default) or viewer; needs --user.")
    String role;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + PasswordHasher.DEFAULT_ITERATIONS,
            description = "PBKDF2 iterations (default ${DEFAULT-VALUE}, at least " + PasswordHasher.MIN_ITERATIONS + ").")
    int iterations;

    @Override
    public Integer call() throws Exception {
        if (iterations < PasswordHasher.MIN_ITERATIONS) {
            throw new ParameterException(spec.commandLine(), "--iterations must be at least " + PasswordHasher.MIN_ITERATIONS);
        }
        String name = cluster.user;
        if (name != null && !Operator.NAME.matcher(name).matches()) {
            throw new ParameterException(spec.commandLine(), "--user must match " + Operator.NAME.pattern());
        }
        String r = role == null ? "operator" : role.toLowerCase(Locale.ROOT);
        if (role != null && (name == null || !(r.equals("operator") || r.equals("viewer")))) {
            throw new ParameterException(spec.commandLine(), "--role is operator or viewer, and needs --user");
        }
        String roleSuffix = r.equals("viewer") ? ":viewer" : "";
        return Run.guarded(spec, () -> {
            char[] password = cluster.password("New password: ");
            try {
                if (password.length < 8) {
                    throw new ParameterException(spec.commandLine(), "the password needs at least 8 characters");
                }
                String hash = PasswordHasher.hash(password, iterations);
                PrintWriter out = spec.commandLine().getOut();
                out.println(name == null ? hash : name + ":" + hash + roleSuffix);
                out.flush();
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        });
    }
}
