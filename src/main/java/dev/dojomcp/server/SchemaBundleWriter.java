package dev.dojomcp.server;

import dev.dojomcp.defectdojo.Json;
import dev.dojomcp.tools.McpToolBinding;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.schema.SchemaBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Build step: writes {@link SchemaBundle#RESOURCE} into the classes directory given as the argument. */
public final class SchemaBundleWriter {
    private SchemaBundleWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]).resolve(SchemaBundle.RESOURCE);
        Map<String, SchemaBundle.Entry> bundle = new LinkedHashMap<>();
        for (ToolSpec<?, ?> t : StandardCatalog.create().all()) {
            bundle.put(t.name(), new SchemaBundle.Entry(McpToolBinding.fingerprint(t),
                    McpToolBinding.generateInputSchema(t), McpToolBinding.generateOutputSchema(t)));
        }
        Files.createDirectories(file.getParent());
        Files.write(file, Json.mapper().writeValueAsBytes(bundle));
    }
}
