package dev.dojomcp.cli;

import dev.dojomcp.Main;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code dojo-mcp audit verify|pubkey|keygen}. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Verify the audit trail; print or make its keys.",
        subcommands = {AuditVerifyCommand.class, AuditPubkeyCommand.class, AuditKeygenCommand.class})
public final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.CONFIG_ERROR;
    }
}
