package dev.dojomcp.findings;

import static dev.dojomcp.findings.FindingStatusMappingTest.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.tools.ToolInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.ValueInstantiationException;

class FindingQueriesTest {
    @Test
    void everyArgument_mapsToItsDefectDojoFilter() {
        Query q = FindingQueries.forInput(input(Map.ofEntries(
                Map.entry("severity", List.of("Critical", "High")),
                Map.entry("status", List.of("Verified")),
                Map.entry("product_id", 3), Map.entry("engagement_id", 4), Map.entry("test_id", 5),
                Map.entry("cwe", List.of(79, 89)), Map.entry("vulnerability_id", "CVE-2024-1234"),
                Map.entry("tags", List.of("PCI", "web")), Map.entry("tags_and", List.of("a")),
                Map.entry("not_tags", List.of("legacy")),
                Map.entry("epss_score_min", 0.5), Map.entry("epss_score_max", 0.975),
                Map.entry("known_exploited", true), Map.entry("outside_of_sla", true),
                Map.entry("discovered_after", "2026-01-01"), Map.entry("discovered_before", "2026-02-01"),
                Map.entry("component_name", "log4j"), Map.entry("search", "injection"),
                Map.entry("order_by", "-severity,date"))));
        assertThat(q.parameters()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("severity", List.of("Critical,High")),
                Map.entry("active", List.of("true")), Map.entry("verified", List.of("true")),
                Map.entry("test__engagement__product", List.of("3")), Map.entry("test__engagement", List.of("4")),
                Map.entry("test", List.of("5")), Map.entry("cwe", List.of("79,89")),
                Map.entry("vulnerability_id", List.of("CVE-2024-1234")),
                Map.entry("tags", List.of("pci,web")), Map.entry("tags__and", List.of("a")),
                Map.entry("not_tags", List.of("legacy")),
                Map.entry("epss_score_min", List.of("50")), Map.entry("epss_score_max", List.of("97.5")),
                Map.entry("known_exploited", List.of("true")), Map.entry("outside_of_sla", List.of("1")),
                Map.entry("discovered_after", List.of("2026-01-01")),
                Map.entry("discovered_before", List.of("2026-02-01")),
                Map.entry("component_name", List.of("log4j")), Map.entry("title", List.of("injection")),
                Map.entry("o", List.of("-numerical_severity,date"))));
    }

    @Test
    void proSpellingOfTagsAnd_isAccepted() {
        Query q = FindingQueries.forInput(input(Map.of("tags__and", List.of("x", "y"))));
        assertThat(q.parameters()).containsEntry("tags__and", List.of("x,y"));
    }

    @Test
    void outsideOfSlaFalse_sendsZero() {
        assertThat(FindingQueries.forInput(input(Map.of("outside_of_sla", false))).parameters())
                .containsEntry("outside_of_sla", List.of("0"));
    }

    @Test
    void unknownOrderField_isRefused() {
        assertThatThrownBy(() -> FindingQueries.forInput(input(Map.of("order_by", "epss_score"))))
                .isInstanceOf(ToolInputException.class).hasMessageContaining("'order_by'");
    }

    @Test
    void badValues_nameTheFieldNotTheValue() {
        assertThatThrownBy(() -> input(Map.of("tags", List.of("has space"))))
                .isInstanceOf(ValueInstantiationException.class).cause()
                .hasMessageContaining("'tags'").hasMessageNotContaining("has space");
        assertThatThrownBy(() -> input(Map.of("discovered_after", "yesterday")))
                .cause().hasMessageContaining("'discovered_after'");
        assertThatThrownBy(() -> input(Map.of("title", "a", "search", "b")))
                .cause().hasMessageContaining("'search'");
    }

    @Test
    void query_refusesFiltersDefectDojoWouldIgnore() {
        assertThatThrownBy(() -> Query.on(dev.dojomcp.defectdojo.Resource.FINDINGS).set("status", "Active"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Query.on(dev.dojomcp.defectdojo.Resource.FINDINGS).set("search", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
