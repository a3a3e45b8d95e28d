package dev.dojomcp.cli;

import dev.dojomcp.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "version", description = "Print the version.")
public final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(line());
        return 0;
    }

    static String line() {
        return "dojo-mcp " + Version.current() + " (MCP Java SDK 2.1.0, Java " + Runtime.version().feature() + ")";
    }

    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line()};
        }
    }
}
