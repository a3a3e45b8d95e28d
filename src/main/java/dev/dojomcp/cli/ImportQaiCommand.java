package dev.dojomcp.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-qai", description = {"Import a qai MCP security audit report (qai audit scan --format json, or "
        + "the UI's Export JSON) into DefectDojo, as the import_qai_findings tool does: the first run imports, later "
        + "runs reimport into the same test, so nothing is duplicated. Prints the statistics. For CI jobs.",
        "Exit status: 0 imported, 1 refused or failed, 2 configuration error, 3 result unknown."})
public final class ImportQaiCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    boolean help;

    @Parameters(index = "0", paramLabel = "FILE", description = "The qai JSON report")
    Path file;

    @Mixin
    ImportTarget target = new ImportTarget();

    @Override
    public Integer call() {
        return target.run(spec, "import_qai_findings", "FILE", file,
                Map.of("close_old_findings", target.closeOldFindings));
    }
}
