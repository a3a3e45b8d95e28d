package dev.dojomcp.tools;

import java.util.Map;

/** Building request bodies and argument maps from optional values. */
public final class Fields {
    private Fields() {
    }

    /** Adds the entry only when the value is given: DefectDojo treats an absent field and null differently. */
    public static void putIfSet(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }
}
