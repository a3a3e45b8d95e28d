package dev.dojomcp.security;

import dev.dojomcp.security.content.ContentCategory;
import dev.dojomcp.security.content.InjectionDetector;
import dev.dojomcp.security.content.SecretScanner;
import dev.dojomcp.tools.ToolCatalog;
import dev.dojomcp.tools.ToolSpec;
import java.util.Optional;

/**
 * This server's content rules: what counts as hostile text in a write (the detector knows our own tool
 * names) and which secrets are redacted from what we read back.
 */
public final class ContentRules {
    private final InjectionDetector detector;
    private final SecretScanner secrets;

    private ContentRules(InjectionDetector detector, SecretScanner secrets) {
        this.detector = detector;
        this.secrets = secrets;
    }

    public static ContentRules forCatalog(ToolCatalog catalog) {
        SecretScanner secrets = SecretScanner.standard();
        return new ContentRules(new InjectionDetector(catalog.all().stream().map(ToolSpec::name).toList(), secrets),
                secrets);
    }

    /** The category of a hostile text as {@code id (label)}, e.g. {@code role_marker (chat role …)}, or empty. */
    public Optional<String> hostile(String text) {
        return detector.check(text).map(c -> c.wire() + " (" + c.label() + ")");
    }

    public String redact(String text) {
        return secrets.redact(text);
    }
}
