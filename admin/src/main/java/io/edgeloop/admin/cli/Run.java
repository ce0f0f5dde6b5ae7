package io.edgeloop.admin.cli;

import io.edgeloop.admin.approve.ForbiddenException;
import io.edgeloop.admin.approve.RefusedException;
import io.edgeloop.admin.auth.AuthenticationException;
import io.edgeloop.admin.view.BrokerUnavailableException;
import io.edgeloop.core.config.ConfigException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Runs a command body and turns the admin's known failures into one error line and an exit code ({@link AdminCli}). */
final class Run {

    private Run() {
    }

    static int guarded(CommandSpec spec, Callable<Integer> body) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.call();
        } catch (AuthenticationException e) {
            return fail(err, "not authenticated: " + e.getMessage(), AdminCli.NOT_AUTHENTICATED);
        } catch (ForbiddenException e) {
            return fail(err, "forbidden: " + e.getMessage(), AdminCli.FORBIDDEN);
        } catch (RefusedException e) {
            return fail(err, "refused: " + e.getMessage(), AdminCli.REFUSED);
        } catch (BrokerUnavailableException e) {
            return fail(err, e.getMessage(), AdminCli.UNAVAILABLE);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static int fail(PrintWriter err, String message, int code) {
        err.println("edgeloop admin: " + message);
        err.flush();
        return code;
    }
}
