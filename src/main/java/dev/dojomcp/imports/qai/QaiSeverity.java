package dev.dojomcp.imports.qai;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * qai severities with their DefectDojo names. The CLI report writes names ({@code "high"}); the run bundle
 * writes qai's stored integers (0 = info … 4 = critical). Either form is accepted in either shape.
 */
enum QaiSeverity {
    CRITICAL("Critical"), HIGH("High"), MEDIUM("Medium"), LOW("Low"), INFO("Info");

    private final String dojoName;

    QaiSeverity(String dojoName) {
        this.dojoName = dojoName;
    }

    String dojoName() {
        return dojoName;
    }

    /** @throws QaiFormatException naming the finding's index, never the value */
    static QaiSeverity of(JsonNode value, int index) {
        if (value != null && value.isString()) {
            String name = value.stringValue().strip().toLowerCase(Locale.ROOT);
            for (QaiSeverity s : values()) {
                if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return s;
                }
            }
        } else if (value != null && value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToInt()) {
            int level = value.asInt();
            if (level >= 0 && level <= 4) {
                return values()[4 - level];
            }
        } else if (value == null || value.isNull() || value.isMissingNode()) {
            throw new QaiFormatException("finding at index " + index + " has no severity");
        }
        throw new QaiFormatException("finding at index " + index
                + " has an unknown severity (expected critical, high, medium, low, info or 4..0)");
    }
}
