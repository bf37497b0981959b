package dev.wharf.cli.command;

import dev.wharf.api.client.EngineErrorException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The docker CLI's way with several containers (stop, kill, pause, restart…): the operation runs for
 * each (in parallel where docker runs it in parallel), each name that succeeded is printed in the
 * order given, then every daemon error, and the exit code is 1 if any failed.
 */
final class ContainerBatch {
    /** One container's operation. */
    @FunctionalInterface
    interface Operation {
        void apply(String container) throws IOException;
    }

    private ContainerBatch() {}

    static int run(List<String> containers, boolean parallel, PrintStream out, PrintStream err, Operation operation)
            throws InterruptedException {
        List<String> errors = new ArrayList<>();
        if (parallel) {
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String>> results = new ArrayList<>();
                for (String container : containers) {
                    results.add(executor.submit((Callable<String>) () -> attempt(operation, container)));
                }
                for (int i = 0; i < containers.size(); i++) {
                    report(containers.get(i), join(results.get(i)), out, errors);
                }
            }
        } else {
            for (String container : containers) {
                report(container, attempt(operation, container), out, errors);
            }
        }
        out.flush();
        errors.forEach(err::println);
        return errors.isEmpty() ? 0 : 1;
    }

    /** @return the error line, or null when the operation succeeded */
    private static String attempt(Operation operation, String container) {
        try {
            operation.apply(container);
            return null;
        } catch (EngineErrorException e) {
            return "Error response from daemon: " + e.getMessage();
        } catch (IOException e) {
            return "error during connect: " + e.getMessage();
        }
    }

    private static String join(Future<String> result) throws InterruptedException {
        try {
            return result.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return String.valueOf(e.getCause());
        }
    }

    private static void report(String container, String error, PrintStream out, List<String> errors) {
        if (error == null) {
            out.println(container);
        } else {
            errors.add(error);
        }
    }
}
