package dev.dojomcp.tools;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The tools this server offers, sorted by toolset then name so every listing is deterministic. */
public final class ToolCatalog {
    private final List<ToolSpec<?, ?>> tools;

    public ToolCatalog(Collection<ToolSpec<?, ?>> tools) {
        Set<String> names = new HashSet<>();
        for (ToolSpec<?, ?> t : tools) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("duplicate tool " + t.name());
            }
        }
        this.tools = tools.stream()
                .sorted(Comparator.comparing((ToolSpec<?, ?> t) -> t.toolset().ordinal()).thenComparing(ToolSpec::name))
                .toList();
    }

    public List<ToolSpec<?, ?>> all() {
        return tools;
    }

    public Optional<ToolSpec<?, ?>> find(String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Only the tools of the given toolsets; read-only mode drops every tool not annotated read-only. */
    public ToolCatalog select(Set<Toolset> toolsets, boolean readOnly) {
        return new ToolCatalog(tools.stream()
                .filter(t -> toolsets.contains(t.toolset()))
                .filter(t -> !readOnly || t.readOnly())
                .toList());
    }
}
