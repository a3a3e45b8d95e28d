package dev.dojomcp.imports.qai;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of {@link QaiConverter#convert(byte[])}.
 *
 * @param shape               {@code "cli-json"} ({@code qai audit scan --format json}) or {@code "run-bundle"}
 *                            (the web UI's "Export JSON")
 * @param serverName          the scanned MCP server's name as the report gives it (self-reported by that server,
 *                            sanitised), or null
 * @param findingCount        number of findings in {@link #genericFindingsJson()}
 * @param bySeverity          DefectDojo severity name to count; always the five keys Critical, High, Medium,
 *                            Low, Info in that order
 * @param genericFindingsJson a "Generic Findings Import" document, UTF-8, for {@code import-scan} or
 *                            {@code reimport-scan} with {@code scan_type=Generic Findings Import}; the same report
 *                            always gives the same bytes
 */
public record QaiConversion(String shape, String serverName, int findingCount, Map<String, Integer> bySeverity,
        byte[] genericFindingsJson) {

    public QaiConversion {
        Objects.requireNonNull(shape, "shape");
        bySeverity = Collections.unmodifiableMap(new LinkedHashMap<>(bySeverity));
        genericFindingsJson = genericFindingsJson.clone();
    }

    @Override
    public byte[] genericFindingsJson() {
        return genericFindingsJson.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QaiConversion c && shape.equals(c.shape) && Objects.equals(serverName, c.serverName)
                && findingCount == c.findingCount && bySeverity.equals(c.bySeverity)
                && Arrays.equals(genericFindingsJson, c.genericFindingsJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, serverName, findingCount, bySeverity, Arrays.hashCode(genericFindingsJson));
    }

    @Override
    public String toString() {
        return "QaiConversion[shape=" + shape + ", serverName=" + serverName + ", findingCount=" + findingCount
                + ", bySeverity=" + bySeverity + ", genericFindingsJson=" + genericFindingsJson.length + " bytes]";
    }
}
