package dev.wharf.engine.containers;

import dev.wharf.runtime.AttachConnection;
import dev.wharf.runtime.AttachConnection.OutputChunk;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fans one container's live output out to every attached client.
 *
 * <p>conmon replays nothing, and {@code docker run} attaches before it starts the container, so the
 * engine holds one attach connection per run, connected between create and start, read by one
 * platform thread (the read is a blocking native call). Clients subscribe at any time and receive
 * what the current run writes from then on; a client that subscribes between runs (a created or
 * stopped container) waits for the next run. When a run's output ends, its subscribers are ended.
 */
final class OutputBroadcaster {
    private static final Logger LOG = System.getLogger(OutputBroadcaster.class.getName());
    private static final long RELAY_STACK_BYTES = 256 * 1024;

    /** Receives chunks on the reader thread: must not block (queue them). */
    interface Subscriber {
        void chunk(OutputChunk chunk);

        /** The run's output is over (the process exited, or the start failed). */
        void end();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition connectionChanged = lock.newCondition();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private AttachConnection connection;

    void subscribe(Subscriber subscriber) {
        lock.lock();
        try {
            subscribers.add(subscriber);
        } finally {
            lock.unlock();
        }
    }

    void unsubscribe(Subscriber subscriber) {
        lock.lock();
        try {
            subscribers.remove(subscriber);
        } finally {
            lock.unlock();
        }
    }

    /** Starts relaying a new run's output; call after runtime.create and before runtime.start. */
    void connect(String containerId, AttachConnection newConnection) {
        lock.lock();
        try {
            connection = newConnection;
            connectionChanged.signalAll();
        } finally {
            lock.unlock();
        }
        // The relay loop is shallow: a small stack keeps one thread per running container cheap.
        Thread.ofPlatform().daemon().name("attach-" + containerId.substring(0, 12)).stackSize(RELAY_STACK_BYTES)
                .start(() -> relay(newConnection));
    }

    /** Ends the waiting subscribers of a run that never produced output (its start failed). */
    void endRun() {
        List<Subscriber> ended;
        lock.lock();
        try {
            ended = List.copyOf(subscribers);
            subscribers.clear();
        } finally {
            lock.unlock();
        }
        ended.forEach(Subscriber::end);
    }

    /**
     * The current run's connection for writing stdin, waiting up to {@code timeoutMillis} for a run to
     * begin (a client may send input before {@code start}); null when none began.
     */
    AttachConnection awaitConnection(long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (connection == null && nanos > 0) {
                nanos = connectionChanged.awaitNanos(nanos);
            }
            return connection;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a run's output is being relayed now. */
    boolean connected() {
        lock.lock();
        try {
            return connection != null;
        } finally {
            lock.unlock();
        }
    }

    private void relay(AttachConnection source) {
        try {
            for (OutputChunk chunk = source.read(); chunk != null; chunk = source.read()) {
                List<Subscriber> current;
                lock.lock();
                try {
                    current = List.copyOf(subscribers);
                } finally {
                    lock.unlock();
                }
                for (Subscriber subscriber : current) {
                    subscriber.chunk(chunk);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "attach socket read ended: {0}", e.getMessage());
        } finally {
            lock.lock();
            try {
                if (connection == source) {
                    connection = null;
                }
            } finally {
                lock.unlock();
            }
            source.close();
            endRun();
        }
    }
}
