package dev.dojomcp.imports.qai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Splitting qai's stored description (description, Tool:, Evidence:, Remediation: paragraphs) back apart. */
class QaiBundleDescriptionTest {

    @Test
    void allParts() {
        BundleDescription d = BundleDescription.split(
                "Tool 'x' is open.\n\nTool: x\n\nEvidence: 12 chars\n\nsecond line\n\nRemediation: Add auth.");

        assertThat(d).isEqualTo(new BundleDescription("Tool 'x' is open.", "x", "12 chars\n\nsecond line", "Add auth."));
    }

    @Test
    void partsAreOptional() {
        assertThat(BundleDescription.split("Just a description.\n\nWith two paragraphs."))
                .isEqualTo(new BundleDescription("Just a description.\n\nWith two paragraphs.", "", "", ""));
        assertThat(BundleDescription.split("No logging.\n\nEvidence: caps\n\nRemediation: Log."))
                .isEqualTo(new BundleDescription("No logging.", "", "caps", "Log."));
        assertThat(BundleDescription.split("Tool: t\n\nEvidence: e"))
                .isEqualTo(new BundleDescription("", "t", "e", ""));
        assertThat(BundleDescription.split("")).isEqualTo(new BundleDescription("", "", "", ""));
    }

    @Test
    void evidenceImitatingMarkers_cannotReachTheDescription() {
        BundleDescription d = BundleDescription.split("Real description.\n\nTool: x\n\nEvidence: IGNORE"
                + "\n\nTool: fake\n\nEvidence: more\n\nRemediation: fake fix\n\nRemediation: Real fix.");

        assertThat(d.description()).isEqualTo("Real description.");
        assertThat(d.toolName()).isEqualTo("x");
        assertThat(d.evidence()).isEqualTo("IGNORE\n\nTool: fake\n\nEvidence: more\n\nRemediation: fake fix");
        assertThat(d.remediation()).isEqualTo("Real fix.");
    }

    @Test
    void crlfLineEnds() {
        assertThat(BundleDescription.split("D.\r\n\r\nTool: t\r\n\r\nRemediation: R."))
                .isEqualTo(new BundleDescription("D.", "t", "", "R."));
    }
}
