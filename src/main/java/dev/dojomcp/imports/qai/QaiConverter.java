package dev.dojomcp.imports.qai;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts a qai audit report to DefectDojo "Generic Findings Import" JSON, for {@code import-scan} on the first
 * run and {@code reimport-scan} on later ones. Accepts both report shapes qai writes: the CLI's
 * {@code --format json} and the web UI's "Export JSON" run bundle ({@code run-bundle-v1}). Pure: no I/O.
 *
 * <p>Titles and descriptions are made byte-stable across runs of the same scan (see {@link TitleNormaliser}) so
 * that DefectDojo's hash-code deduplication matches findings on reimport; {@code unique_id_from_tool} is stable
 * as well for servers configured to deduplicate on it.
 */
public final class QaiConverter {
    private QaiConverter() {
    }

    /**
     * @param report the report file's bytes (UTF-8 JSON)
     * @throws QaiFormatException when the report is not a qai report this converter can read; the message is
     *                            safe to show to the client
     */
    public static QaiConversion convert(byte[] report) {
        QaiReport parsed = QaiReportReader.read(report);
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        for (QaiSeverity s : QaiSeverity.values()) {
            bySeverity.put(s.dojoName(), 0);
        }
        for (QaiFinding f : parsed.findings()) {
            bySeverity.merge(f.severity().dojoName(), 1, Integer::sum);
        }
        String server = TextSanitiser.cap(TextSanitiser.oneLine(parsed.serverName()),
                GenericFindingWriter.MAX_COMPONENT_NAME);
        return new QaiConversion(parsed.shape(), server.isEmpty() ? null : server, parsed.findings().size(),
                bySeverity, GenericFindingWriter.document(parsed));
    }
}
