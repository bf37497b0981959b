package dev.wharf.build.dockerfile;

import java.util.List;

/** A command as written: the shell form (a string for the stage's SHELL) or the exec (JSON) form. */
public sealed interface Command {
    record ShellForm(String script) implements Command {}

    record ExecForm(List<String> args) implements Command {
        public ExecForm {
            args = List.copyOf(args);
        }
    }

    /** The argv to run: the shell form prefixed with the shell. */
    default List<String> argv(List<String> shell) {
        return switch (this) {
            case ShellForm s -> {
                var argv = new java.util.ArrayList<>(shell);
                argv.add(s.script());
                yield List.copyOf(argv);
            }
            case ExecForm e -> e.args();
        };
    }
}
