package grants.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * grants-local.jar: the grants system on this machine, with no AWS account. Every command starts
 * the embedded AWS stack (state under .grants-local/ unless --state says otherwise) and calls the
 * same handlers as Lambda.
 */
@Command(name = "grants-local", mixinStandardHelpOptions = true, version = "grants-local 0.1.0",
        description = "Runs the grants system on the embedded local AWS stack.",
        subcommands = {AllocateCommand.class, ExportCommand.class, SupportCommand.class, CommissionCommand.class, MonitorCommand.class, ReportCommand.class, GovernCommand.class,
                ServeCommand.class})
public final class GrantsLocal {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code: 0 done, 1 failed, 2 bad input or usage. */
    static int run(String... args) {
        return new CommandLine(new GrantsLocal()).execute(args);
    }
}
