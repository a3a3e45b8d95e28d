package dev.dojomcp.cli;

import dev.dojomcp.tools.Fields;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        if (test != null && !reimport) {
            return ToolRun.configError(spec.commandLine().getErr(), "--test: only with --reimport");
        }
        if (target.engagement != null && reimport) {
            return ToolRun.configError(spec.commandLine().getErr(),
                    "--engagement: a reimport targets --test ID, or --product-name with --engagement-name");
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("scan_type", scanType);
        Fields.putIfSet(args, "scan_date", scanDate);
        Fields.putIfSet(args, "environment", environment);
        if (reimport) {
            Fields.putIfSet(args, "test_id", test);
            args.put("close_old_findings", target.closeOldFindings);
            args.put("do_not_reactivate", doNotReactivate);
        } else {
            args.put("close_old_findings", false);
        }
        return target.run(spec, reimport ? "reimport_scan" : "import_scan", "--file", file, args);
    }
}
