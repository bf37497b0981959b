package dev.wharf.build.exec;

import dev.wharf.build.BuildOutput;
import dev.wharf.image.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of stages that build at the same time, in stage order, as the classic builder prints them one after
 * another: the first unfinished stage streams live, later ones are held until every stage before them finished.
 * After a stage that failed, nothing of the later ones appears (a sequential build would not have run them).
 */
final class OrderedOutput {
    private final BuildOutput out;
    private final List<Part> parts = new ArrayList<>();
    private int head;
    private int failedAt = Integer.MAX_VALUE;

    OrderedOutput(BuildOutput out) {
        this.out = out;
    }

    /** The next stage's output. */
    synchronized Part part() {
        Part part = new Part(parts.size());
        parts.add(part);
        return part;
    }

    final class Part implements BuildOutput {
        private final int index;
        private final List<Runnable> held = new ArrayList<>();
        private boolean done;

        private Part(int index) {
            this.index = index;
        }

        @Override
        public void stream(String text) {
            emit(() -> out.stream(text));
        }

        @Override
        public void aux(Digest imageId) {
            emit(() -> out.aux(imageId));
        }

        private void emit(Runnable message) {
            synchronized (OrderedOutput.this) {
                if (index > failedAt) {
                    return;
                }
                if (index == head) {
                    message.run();
                } else {
                    held.add(message);
                }
            }
        }

        /** The stage ended; the stages after it show what they held, up to the next unfinished one. */
        void finish(boolean failed) {
            synchronized (OrderedOutput.this) {
                done = true;
                if (failed) {
                    failedAt = Math.min(failedAt, index);
                }
                while (head < parts.size() && parts.get(head).done) {
                    head++;
                    if (head < parts.size() && head <= failedAt) {
                        parts.get(head).held.forEach(Runnable::run);
                    }
                    if (head < parts.size()) {
                        parts.get(head).held.clear();
                    }
                }
            }
        }
    }
}
