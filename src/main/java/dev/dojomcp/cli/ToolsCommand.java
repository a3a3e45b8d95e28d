package dev.dojomcp.cli;

import dev.dojomcp.server.StandardCatalog;
import dev.dojomcp.server.ToolReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tools", description = "Print the tool reference (Markdown) generated from the tool declarations.")
public final class ToolsCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--update-readme", paramLabel = "FILE",
            description = "Rewrite the generated sections (tools, start-up guards) of this README instead of printing")
    Path readme;

    @Override
    public Integer call() throws Exception {
        String markdown = ToolReference.markdown(StandardCatalog.create());
        if (readme == null) {
            spec.commandLine().getOut().print(markdown);
            spec.commandLine().getOut().flush();
            return 0;
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        text = ToolReference.updateReadme(text, markdown);
        text = ToolReference.replaceSection(text, StartupGuards.BEGIN, StartupGuards.END, StartupGuards.markdown());
        Files.writeString(readme, text, StandardCharsets.UTF_8);
        return 0;
    }
}
