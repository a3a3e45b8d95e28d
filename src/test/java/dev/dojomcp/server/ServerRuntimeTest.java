package dev.dojomcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Transport;
import dev.dojomcp.tools.ToolSelection;
import dev.dojomcp.tools.ToolSpec;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerRuntimeTest {
    private static final String KEY = "abcdefabcdefabcdefabcdefabcdefabcdefabcd";

    @Test
    void aReadKeyWithoutAWriteKey_offersOnlyReadTools() {
        DojoConnection readOnlyKey = DojoConnection.from(Environment.of(Map.of("DEFECTDOJO_URL",
                "https://dojo.example", "DEFECTDOJO_READ_API_KEY", KEY)));
        try (ServerRuntime runtime = new ServerRuntime(readOnlyKey, Transport.STDIO, ToolSelection.all(),
                Clock.systemUTC())) {
            assertThat(runtime.catalog().all()).isNotEmpty().allMatch(ToolSpec::readOnly);
        }
        DojoConnection both = DojoConnection.from(Environment.of(Map.of("DEFECTDOJO_URL", "https://dojo.example",
                "DEFECTDOJO_READ_API_KEY", KEY, "DEFECTDOJO_WRITE_API_KEY", KEY.replace('a', 'b'))));
        try (ServerRuntime runtime = new ServerRuntime(both, Transport.STDIO, ToolSelection.all(), Clock.systemUTC())) {
            assertThat(runtime.catalog().find("close_finding")).isPresent();
        }
    }
}
