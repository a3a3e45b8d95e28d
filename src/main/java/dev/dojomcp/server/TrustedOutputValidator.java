package dev.dojomcp.server;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validates tool arguments with the SDK's validator but skips re-validating our own results: every
 * {@code structuredContent} is serialised from the very record its output schema was generated
 * from, so the check cost CPU on every call without being able to fail. The tests validate real
 * results of every tool against their schemas instead.
 */
final class TrustedOutputValidator implements JsonSchemaValidator {
    private final JsonSchemaValidator delegate;
    private final Set<Map<String, Object>> outputSchemas = Collections.newSetFromMap(new IdentityHashMap<>());

    TrustedOutputValidator(JsonSchemaValidator delegate) {
        this.delegate = delegate;
    }

    void trust(Map<String, Object> outputSchema) {
        outputSchemas.add(outputSchema);
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object content) {
        if (outputSchemas.contains(schema)) {
            return ValidationResponse.asValid(null);
        }
        return delegate.validate(schema, content);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return delegate.validateSchema(schema);
    }
}
