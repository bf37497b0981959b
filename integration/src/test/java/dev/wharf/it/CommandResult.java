package dev.wharf.it;

/** What a CLI invocation did: its exit code and both output streams. */
record CommandResult(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
