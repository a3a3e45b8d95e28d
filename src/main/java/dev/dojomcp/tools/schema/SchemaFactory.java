package dev.dojomcp.tools.schema;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import dev.dojomcp.defectdojo.Json;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas (draft 2020-12) generated from tool input and output records. Inputs forbid
 * unknown properties, so a misspelt argument is refused instead of silently ignored.
 */
public final class SchemaFactory {
    private static final SchemaGenerator INPUTS = generator(true);
    private static final SchemaGenerator OUTPUTS = generator(false);

    private SchemaFactory() {
    }

    public static Map<String, Object> input(Class<?> type) {
        return toMap(INPUTS.generateSchema(type));
    }

    public static Map<String, Object> output(Type type, Type... typeArguments) {
        return toMap(OUTPUTS.generateSchema(type, typeArguments));
    }

    private static Map<String, Object> toMap(ObjectNode schema) {
        schema.remove("$schema");
        return Json.mapper().convertValue(schema, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static SchemaGenerator generator(boolean forInput) {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(
                Json.mapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY, JacksonOption.RESPECT_JSONPROPERTY_ORDER))
                .with(Option.FLATTENED_ENUMS);
        if (forInput) {
            builder.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        }
        builder.forFields()
                .withNumberInclusiveMinimumResolver(f -> bound(f, true))
                .withNumberInclusiveMaximumResolver(f -> bound(f, false))
                .withDefaultResolver(SchemaFactory::defaultValue)
                .withStringFormatResolver(f -> scalar(f, Format.class) == null || scalar(f, Format.class).value().isEmpty()
                        ? null : scalar(f, Format.class).value())
                .withStringPatternResolver(f -> scalar(f, Format.class) == null || scalar(f, Format.class).pattern().isEmpty()
                        ? null : scalar(f, Format.class).pattern())
                .withStringMaxLengthResolver(f -> scalar(f, Format.class) == null || scalar(f, Format.class).maxLength() < 0
                        ? null : scalar(f, Format.class).maxLength())
                .withArrayMinItemsResolver(f -> container(f) == null || container(f).min() == 0 ? null : container(f).min())
                .withArrayMaxItemsResolver(f -> container(f) == null || container(f).max() == Integer.MAX_VALUE
                        ? null : container(f).max())
                .withArrayUniqueItemsResolver(f -> container(f) == null || !container(f).unique() ? null : Boolean.TRUE);
        return new SchemaGenerator(builder.build());
    }

    /** Scalar constraints apply to the field itself, or to the items of a list field. */
    private static <A extends java.lang.annotation.Annotation> A scalar(FieldScope f, Class<A> type) {
        if (f.isContainerType() && !f.isFakeContainerItemScope()) {
            return null;
        }
        return f.getAnnotationConsideringFieldAndGetter(type);
    }

    private static Items container(FieldScope f) {
        if (!f.isContainerType() || f.isFakeContainerItemScope()) {
            return null;
        }
        return f.getAnnotationConsideringFieldAndGetter(Items.class);
    }

    private static BigDecimal bound(FieldScope f, boolean min) {
        Range r = scalar(f, Range.class);
        if (r == null) {
            return null;
        }
        double v = min ? r.min() : r.max();
        if (Double.isInfinite(v)) {
            return null;
        }
        return v == Math.rint(v) ? BigDecimal.valueOf((long) v) : BigDecimal.valueOf(v);
    }

    private static Object defaultValue(FieldScope f) {
        if (f.isFakeContainerItemScope()) {
            return null;
        }
        Default d = f.getAnnotationConsideringFieldAndGetter(Default.class);
        if (d == null) {
            return null;
        }
        Class<?> raw = f.getType().getErasedType();
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return Long.parseLong(d.value());
        }
        if (raw == Double.class || raw == double.class) {
            return Double.parseDouble(d.value());
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return Boolean.parseBoolean(d.value());
        }
        return d.value();
    }
}
