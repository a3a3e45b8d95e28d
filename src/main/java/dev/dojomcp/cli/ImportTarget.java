package dev.dojomcp.cli;

import static dev.dojomcp.tools.Fields.putIfSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Where an import goes and how it is recorded: options shared by {@code import} and {@code import-qai}. */
final class ImportTarget {
    @Option(names = "--engagement", paramLabel = "ID", description = "Target engagement id")
    Long engagement;

    @Option(names = "--product-type-name", paramLabel = "NAME", description = "Product type, for --auto-create")
    String productTypeName;

    @Option(names = "--product-name", paramLabel = "NAME", description = "Product name (with --engagement-name)")
    String productName;

    @Option(names = "--engagement-name", paramLabel = "NAME", description = "Engagement name (with --product-name)")
    String engagementName;

    @Option(names = "--auto-create", description = "Create the product type, product and engagement when missing")
    boolean autoCreate;

    @Option(names = "--test-title", paramLabel = "TITLE", description = "Test title")
    String testTitle;

    @Option(names = "--no-close-old-findings", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Close findings the report no longer has (default on for reimports and qai; "
                    + "--no-close-old-findings to keep them)")
    boolean closeOldFindings;

    @Option(names = "--minimum-severity", paramLabel = "SEVERITY", description = "Critical, High, Medium, Low or Info")
    String minimumSeverity;

    @Option(names = "--tag", paramLabel = "TAG", description = "Test tag (repeatable)")
    List<String> tags = new ArrayList<>();

    @Option(names = "--version", paramLabel = "VERSION", description = "Version under test")
    String version;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "Branch or tag")
    String branch;

    @Option(names = "--commit", paramLabel = "HASH", description = "Commit hash")
    String commit;

    @Option(names = "--build", paramLabel = "ID", description = "Build id")
    String build;

    @Option(names = "--json", description = "Print the tool's full JSON result instead of one line")
    boolean json;

    /**
     * Runs {@code tool} on {@code file} with these options plus {@code extra} arguments, the file's folder
     * serving as IMPORT_DIR. {@code fileOption} names the file's option in a usage error.
     */
    int run(CommandLine.Model.CommandSpec spec, String tool, String fileOption, Path file, Map<String, Object> extra) {
        if (!Files.isRegularFile(file)) {
            return ToolRun.configError(spec.commandLine().getErr(), fileOption + ": not a readable file");
        }
        Path real = file.toAbsolutePath().normalize();
        Map<String, Object> args = arguments();
        args.putAll(extra);
        args.put("file_path", real.getFileName().toString());
        return ToolRun.run(tool, args, real.getParent(), json, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The tool arguments these options stand for; unset options are left out. */
    Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        putIfSet(args, "engagement_id", engagement);
        putIfSet(args, "product_type_name", productTypeName);
        putIfSet(args, "product_name", productName);
        putIfSet(args, "engagement_name", engagementName);
        if (autoCreate) {
            args.put("auto_create_context", true);
        }
        putIfSet(args, "test_title", testTitle);
        putIfSet(args, "minimum_severity", minimumSeverity);
        if (!tags.isEmpty()) {
            args.put("tags", tags);
        }
        putIfSet(args, "version", version);
        putIfSet(args, "branch_tag", branch);
        putIfSet(args, "commit_hash", commit);
        putIfSet(args, "build_id", build);
        return args;
    }
}
