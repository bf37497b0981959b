package dev.wharf.cli.command;

import dev.wharf.api.client.EngineClient;
import dev.wharf.api.client.EngineErrorException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The docker CLI's way with several objects (stop, kill, rm, volume rm…): the operation runs for
 * each (in parallel where docker runs it in parallel), each name that succeeded is printed in the
 * order given, then every daemon error, and the exit code is 1 if any failed.
 */
public abstract class BatchCommand extends EngineCommand {
    /** The names the user gave. */
    protected abstract List<String> targets();

    /** Whether docker runs the operation for all the objects at once (most commands do). */
    protected boolean parallel() {
        return true;
    }

    /** The operation on one object. */
    protected abstract void apply(EngineClient client, String name) throws IOException;

    @Override
    public Integer call() throws InterruptedException {
        var client = client();
        List<String> names = targets();
        List<String> outcomes = new ArrayList<>(); // null where the operation succeeded, else the error line
        if (parallel()) {
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String>> results = new ArrayList<>();
                for (String name : names) {
                    results.add(executor.submit(() -> attempt(client, name)));
                }
                for (Future<String> result : results) {
                    outcomes.add(join(result));
                }
            }
        } else {
            for (String name : names) {
                outcomes.add(attempt(client, name));
            }
        }
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (outcomes.get(i) == null) {
                out().println(names.get(i));
            } else {
                errors.add(outcomes.get(i));
            }
        }
        out().flush();
        errors.forEach(err()::println);
        return errors.isEmpty() ? 0 : 1;
    }

    private String attempt(EngineClient client, String name) {
        try {
            apply(client, name);
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
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        }
    }
}
