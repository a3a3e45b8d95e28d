package dev.dojomcp.tools;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The name an enum constant has on the wire: its {@code @JsonProperty} value, as Jackson and the schema use it. */
public final class JsonNames {
    private JsonNames() {
    }

    public static String of(Enum<?> constant) {
        try {
            JsonProperty p = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return p == null ? constant.name() : p.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
