package dev.dojomcp.tools;

import java.lang.reflect.Type;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything about one tool, declared once: name, title, description, input and output types
 * (their JSON schemas are generated from the records), annotations, permission group, toolset and
 * handler. Registration, documentation and schema snapshots are all derived from this.
 */
public record ToolSpec<I, O>(
        String name,
        String title,
        String description,
        Class<I> input,
        Class<?> output,
        Type[] outputTypeArguments,
        ToolHints hints,
        PermissionGroup permission,
        Toolset toolset,
        ToolHandler<I, O> handler) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{2,63}");

    public ToolSpec {
        Objects.requireNonNull(handler, "handler");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad tool name " + name);
        }
        outputTypeArguments = outputTypeArguments.clone();
    }

    public boolean readOnly() {
        return hints.readOnly();
    }

    public static <I> Builder<I> named(String name, Class<I> input) {
        return new Builder<>(name, input);
    }

    public static final class Builder<I> {
        private final String name;
        private final Class<I> input;
        private String title;
        private String description;
        private ToolHints hints = ToolHints.READ_ONLY;
        private PermissionGroup permission;
        private Toolset toolset;

        private Builder(String name, Class<I> input) {
            this.name = name;
            this.input = input;
        }

        public Builder<I> title(String title) {
            this.title = title;
            return this;
        }

        public Builder<I> description(String description) {
            this.description = description;
            return this;
        }

        public Builder<I> hints(ToolHints hints) {
            this.hints = hints;
            return this;
        }

        public Builder<I> permission(PermissionGroup permission) {
            this.permission = permission;
            return this;
        }

        public Builder<I> toolset(Toolset toolset) {
            this.toolset = toolset;
            return this;
        }

        /** Output type, optionally generic (e.g. {@code Listing.class, Product.class}). */
        public <O> ToolSpec<I, O> handler(Class<?> output, Type[] typeArguments, ToolHandler<I, O> handler) {
            return new ToolSpec<>(name, Objects.requireNonNull(title, "title"),
                    Objects.requireNonNull(description, "description"), input, output, typeArguments, hints,
                    Objects.requireNonNull(permission, "permission"), Objects.requireNonNull(toolset, "toolset"),
                    handler);
        }

        public <O> ToolSpec<I, O> handler(Class<O> output, ToolHandler<I, O> handler) {
            return handler(output, new Type[0], handler);
        }
    }
}
