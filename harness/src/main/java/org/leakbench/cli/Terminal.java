package org.leakbench.cli;

import java.io.Console;
import java.util.Optional;

/** Whether the command talks to a person at a terminal (progress bars) or to a file or pipe (plain lines). */
final class Terminal {
    private Terminal() {}

    /**
     * True when standard input and output are a terminal. Up to JDK 21 {@link System#console()} exists only then;
     * from JDK 22 on it always exists and {@code Console.isTerminal()} tells.
     */
    static boolean interactive() {
        return Optional.ofNullable(System.console()).map(Terminal::isTerminal).orElse(false);
    }

    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22: a console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
