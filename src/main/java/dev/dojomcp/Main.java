package dev.dojomcp;

import dev.dojomcp.cli.AuditCommand;
import dev.dojomcp.cli.DemoCommand;
import dev.dojomcp.cli.ImportCommand;
import dev.dojomcp.cli.ImportQaiCommand;
import dev.dojomcp.cli.ServeCommand;
import dev.dojomcp.cli.ToolsCommand;
import dev.dojomcp.cli.VersionCommand;
import dev.dojomcp.config.ConfigException;
import dev.dojomcp.sandbox.SandboxCommand;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dojo-mcp [serve|sandbox|demo|import|import-qai|audit|tools|version]}; with no subcommand it serves. */
@Command(name = "dojo-mcp", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "MCP server for DefectDojo.",
        subcommands = {ServeCommand.class, SandboxCommand.class, DemoCommand.class, ImportCommand.class,
                ImportQaiCommand.class, AuditCommand.class, ToolsCommand.class, VersionCommand.class})
public final class Main implements Runnable {
    /** Exit status for configuration and usage errors. */
    public static final int CONFIG_ERROR = 2;
    private static final Set<String> ROOT_FLAGS = Set.of("-h", "--help", "-V", "--version");

    @Override
    public void run() {
        // picocli calls this only when a root option such as --help was handled.
    }

    public static void main(String[] args) {
        Warmup.start();
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(withDefaultCommand(args));
    }

    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0 || (args[0].startsWith("-") && !ROOT_FLAGS.contains(args[0]))) {
            String[] out = new String[args.length + 1];
            out[0] = "serve";
            System.arraycopy(args, 0, out, 1, args.length);
            return out;
        }
        return args;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, ignoredArgs) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("dojo-mcp: " + ex.getMessage().lines().findFirst().orElse("invalid arguments")
                    + " (see --help)");
            return CONFIG_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, command, parseResult) -> {
            PrintWriter err = command.getErr();
            if (ex instanceof ConfigException) {
                err.println("dojo-mcp: " + ex.getMessage());
                return CONFIG_ERROR;
            }
            err.println("dojo-mcp: failed: " + ex.getClass().getSimpleName()
                    + " (set LOG_LEVEL=debug for details)");
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", ex);
            return 1;
        });
        return cl;
    }
}
