package dev.wharf.image.remote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs transfers on virtual threads and waits for all of them; the first failure is rethrown after the rest end. */
final class Parallel {
    interface Task {
        void run() throws IOException;
    }

    private Parallel() {}

    static void runAll(List<Task> tasks) throws IOException {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> running = new ArrayList<>();
            for (Task task : tasks) {
                running.add(executor.submit(() -> {
                    task.run();
                    return null;
                }));
            }
            IOException first = null;
            for (Future<Void> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    IOException failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    first = first == null ? failure : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("transfer interrupted", e);
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
