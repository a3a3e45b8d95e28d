package dev.dojomcp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import", description = {"Import (or with --reimport, reimport) a scanner report into DefectDojo, as "
        + "the import_scan / reimport_scan tools do, and print the statistics. For CI jobs.",
        "Exit status: 0 imported, 1 refused or failed, 2 configuration error, 3 result unknown."})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    boolean help;

    @Option(names = "--scan-type", required = true, paramLabel = "TYPE",
            description = "DefectDojo scan type, e.g. SARIF, \"ZAP Scan\", \"Generic Findings Import\"")
    String scanType;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The report")
    Path file;

    @Option(names = "--reimport", description = "Reimport into an existing test (de-duplicates against it)")
    boolean reimport;

    @Option(names = "--test", paramLabel = "ID", description = "With --reimport: the test id")
    Long test;

    @Option(names = "--scan-date", paramLabel = "YYYY-MM-DD", description = "Date given to every finding")
    String scanDate;

    @Option(names = "--environment", paramLabel = "NAME", description = "Development environment name")
    String environment;

    @Option(names = "--do-not-reactivate", description = "With --reimport: leave closed findings closed")
    boolean doNotReactivate;

    @Mixin
    ImportTarget target = new ImportTarget();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            return ToolRun.configError(err, "--file: not a readable file");
        }
        if (test != null && !reimport) {
            return ToolRun.configError(err, "--test: only with --reimport");
        }
        Path real = file.toAbsolutePath().normalize();
        Map<String, Object> args = target.arguments();
        args.put("scan_type", scanType);
        args.put("file_path", real.getFileName().toString());
        ImportTarget.put(args, "scan_date", scanDate);
        ImportTarget.put(args, "environment", environment);
        if (reimport) {
            ImportTarget.put(args, "test_id", test);
            args.put("close_old_findings", target.closeOldFindings);
            args.put("do_not_reactivate", doNotReactivate);
            args.remove("engagement_id");
        } else {
            args.put("close_old_findings", false);
        }
        return ToolRun.run(reimport ? "reimport_scan" : "import_scan", args, real.getParent(), target.json,
                spec.commandLine().getOut(), err);
    }
}
