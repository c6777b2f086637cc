package org.leakbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.leakbench.sweep.SweepValidationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into short messages on stderr and exit code 2; stack traces only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    private final boolean verbose;

    ErrorReporter(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof SweepValidationException v) {
            v.errors().forEach(e -> err.println("error: " + e));
        } else {
            err.println("error: " + describe(ex));
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return LeakBench.EXIT_USAGE;
    }

    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (t instanceof NoSuchFileException nsf) {
            return "no such file: " + nsf.getFile();
        }
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) {
            return t.getClass().getSimpleName() + " (run with --verbose for details)";
        }
        msg = msg.lines().findFirst().orElse(msg);
        if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
            return msg;
        }
        return (t instanceof IOException ? "I/O error: " : t.getClass().getSimpleName() + ": ") + msg;
    }

    /** Usage errors: the problem and where to find help, exit code 2. */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage());
        err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return LeakBench.EXIT_USAGE;
    }
}
