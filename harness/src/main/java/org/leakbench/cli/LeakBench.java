package org.leakbench.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code leakbench} command. To add a subcommand, write a picocli {@code @Command} class in this package
 * and list it in {@link #SUBCOMMANDS} below: that one line is the whole registration.
 */
@Command(
        name = "leakbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Measures what attackers infer from federated-learning updates and what defenses cost.")
public final class LeakBench implements Runnable {
    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            SweepCommand.class,
            AttackCommand.class,
            MergeCommand.class,
            JmhCompareCommand.class,
            AuditCommand.class,
            EnvCommand.class,
            EpsilonCommand.class,
            DpAuditCommand.class,
            NoiseMultiplierCommand.class,
            PlotCommand.class,
            ReportCommand.class,
            SlurmCommand.class,
            DemoCommand.class,
            WeightsCommand.class);

    /** Exit code for usage and validation errors (and any other error reported in one line). */
    public static final int EXIT_USAGE = 2;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "missing command; choose one of " + spec.subcommands().keySet());
    }

    public static void main(String[] args) {
        System.exit(execute(
                args,
                new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset())));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = commandLine(chosenSubcommand(args));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter(verbose));
        cli.setParameterExceptionHandler(ErrorReporter::usageError);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured picocli command tree. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command tree with only subcommand {@code only}, or with all of them when null. Picocli reads every
     * subcommand's annotations (and the nested ones') when it builds a tree: a cold start of one command then
     * spends more time there than in parsing its arguments.
     */
    static CommandLine commandLine(Class<?> only) {
        CommandLine cli = new CommandLine(new LeakBench());
        for (Class<?> c : SUBCOMMANDS) {
            if (only == null || only == c) {
                cli.addSubcommand(c);
            }
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        CommandLine attack = cli.getSubcommands().get("attack");
        if (attack != null) {
            attack.getCommandSpec().usageMessage().footer(AttackCommand.defaultsFooter());
        }
        return cli;
    }

    /**
     * The subcommand that the first argument not starting with '-' names, or null (no such argument, or one
     * that names nothing: the whole tree then answers, with its suggestions).
     */
    static Class<?> chosenSubcommand(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                for (Class<?> c : SUBCOMMANDS) {
                    if (c.getAnnotation(Command.class).name().equals(arg)) {
                        return c;
                    }
                }
                return null;
            }
        }
        return null;
    }
}
