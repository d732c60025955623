/**
 * Retort's command line: one small picocli command per subcommand, the {@code retort.toml} loader,
 * the embedded PostgreSQL for {@code url = "embedded"}, and the one place that turns errors into
 * messages and exit codes.
 */
package retort.cli;
