/**
 * The {@code leakbench} command line: {@link org.leakbench.cli.LeakBench} and one class per subcommand. Every
 * command has {@code --help}; usage and validation errors print one clear line on stderr and exit with 2.
 */
package org.leakbench.cli;
