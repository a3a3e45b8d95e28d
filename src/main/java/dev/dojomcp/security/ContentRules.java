package dev.dojomcp.security;

import dev.dojomcp.tools.ToolCatalog;
import java.util.Optional;

/** The content rules of this server: what counts as hostile text on write, what is redacted on read. */
public final class ContentRules {
    private ContentRules() {
    }

    public static ContentRules forCatalog(ToolCatalog catalog) {
        return new ContentRules();
    }

    /** The category label of a hostile text, or empty. (Detector pending: wired in the next change.) */
    public Optional<String> hostile(String text) {
        return Optional.empty();
    }

    public String redact(String text) {
        return text;
    }
}
