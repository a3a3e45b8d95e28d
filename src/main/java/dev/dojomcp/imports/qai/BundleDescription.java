package dev.dojomcp.imports.qai;

/**
 * Splits a run-bundle finding description back into its parts. qai's store does not keep tool name, evidence
 * and remediation as columns: it appends them to the description as paragraphs,
 * {@code description \n\n Tool: … \n\n Evidence: … \n\n Remediation: …}, each present only when non-empty
 * (qai's audit mapper, q-uestionable-ai 0.5.1–0.10.x). Evidence is volatile and server-controlled, so it must
 * not stay in the description DefectDojo hashes for deduplication. Text without these markers is all
 * description.
 *
 * <p>Where a part could be spoofed: the remediation is taken from the <em>last</em> "Remediation:" paragraph
 * (qai writes it last), and the evidence from the <em>first</em> "Evidence:" paragraph, so evidence text that
 * imitates the markers can only move text between evidence and remediation, never into the description.
 */
record BundleDescription(String description, String toolName, String evidence, String remediation) {
    private static final String TOOL = "\n\nTool: ";
    private static final String EVIDENCE = "\n\nEvidence: ";
    private static final String REMEDIATION = "\n\nRemediation: ";

    static BundleDescription split(String stored) {
        // A leading separator lets a part at the very start (empty description) match like the others.
        String text = "\n\n" + stored.replace("\r\n", "\n");
        String remediation = "";
        int rem = text.lastIndexOf(REMEDIATION);
        int ev = text.indexOf(EVIDENCE);
        if (rem >= 0 && rem >= ev) {
            remediation = text.substring(rem + REMEDIATION.length());
            text = text.substring(0, rem);
        }
        String evidence = "";
        if (ev >= 0 && ev < text.length()) {
            evidence = text.substring(ev + EVIDENCE.length());
            text = text.substring(0, ev);
        }
        String tool = "";
        int t = text.lastIndexOf(TOOL);
        if (t >= 0 && text.indexOf("\n\n", t + TOOL.length()) < 0) {
            tool = text.substring(t + TOOL.length()).strip();
            text = text.substring(0, t);
        }
        return new BundleDescription(text.strip(), tool, evidence.strip(), remediation.strip());
    }
}
