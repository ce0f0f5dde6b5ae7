package io.edgeloop.admin.cli;

import io.edgeloop.admin.AdminApp;
import io.edgeloop.admin.AdminOptions;
import io.edgeloop.core.config.AppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code edgeloop admin serve}: the dashboard against a cluster, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the operators' dashboard against a Kafka cluster until Ctrl-C.",
            "It reads the model from the topics itself; log in with an account from the operators file."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--port", paramLabel = "PORT", description = "Dashboard port (default: http.port, 8080).")
    Integer port;

    @Option(names = "--reports", paramLabel = "DIR", description = "Reports directory (default: reports.dir).")
    String reports;

    @Override
    public Integer call() throws Exception {
        return Run.guarded(spec, () -> {
            List<String> flags = new ArrayList<>();
            if (port != null) {
                flags.add(AdminOptions.HTTP_PORT.name() + "=" + port);
            }
            if (reports != null) {
                flags.add(AdminOptions.REPORTS_DIR.name() + "=" + reports);
            }
            AppConfig config = cluster.config(flags);
            PrintWriter out = spec.commandLine().getOut();
            AdminApp.operatorsProblem(config).ifPresent(problem -> {
                spec.commandLine().getErr().println("edgeloop admin: warning: nobody can log in until this is fixed: " + problem);
                spec.commandLine().getErr().flush();
            });
            AdminApp.Handle handle = AdminApp.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                handle.close();
                stopped.countDown();
            }, "edgeloop-admin-shutdown"));
            out.println("edgeloop admin: dashboard on " + handle.url() + " reading " + AdminOptions.bootstrap(config)
                    + "; press Ctrl-C to stop");
            out.flush();
            stopped.await();
            return 0;
        });
    }
}
