package dev.dojomcp.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.defectdojo.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each Pro status value maps to the filters DefectDojo's own UI applies (defectdojo-api.md §14). */
class FindingStatusMappingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Any            | ''",
        "Active         | active=true",
        "Open           | active=true",
        "Verified       | active=true&verified=true",
        "Out of Scope   | active=false&out_of_scope=true",
        "False Positive | active=false&duplicate=false&false_p=true",
        "Inactive       | active=false&duplicate=false&is_mitigated=false&false_p=false&out_of_scope=false",
        "Risk Accepted  | risk_accepted=true",
        "Closed         | is_mitigated=true",
        "Under Review   | under_review=true",
    })
    void status_mapsToDefectDojoFilters(String label, String expected) {
        FindingStatus status = Json.mapper().convertValue(label, FindingStatus.class);
        assertThat(status.label()).isEqualTo(label);
        assertThat(render(FindingQueries.statusFilters(List.of(status)))).isEqualTo(expected);
    }

    @Test
    void severalStatuses_combineWithAnd() {
        assertThat(render(FindingQueries.statusFilters(List.of(FindingStatus.ACTIVE, FindingStatus.VERIFIED))))
                .isEqualTo("active=true&verified=true");
        assertThat(render(FindingQueries.statusFilters(List.of(FindingStatus.ANY, FindingStatus.CLOSED))))
                .isEqualTo("is_mitigated=true");
    }

    @Test
    void contradictoryStatuses_areRefusedWithoutEchoingInput() {
        assertThatThrownBy(() -> FindingQueries.statusFilters(List.of(FindingStatus.OPEN, FindingStatus.OUT_OF_SCOPE)))
                .hasMessageContaining("'status'").hasMessageContaining("contradict");
    }

    @ParameterizedTest(name = "{0} -> date={1}")
    @CsvSource(delimiter = '|', value = {
        "0 - Any date      | ''",
        "1 - Today         | 1",
        "2 - Past 7 days   | 2",
        "3 - Past 30 days  | 3",
        "4 - Past 90 days  | 4",
        "5 - Current month | 5",
        "6 - Current year  | 6",
        "7 - Past year     | 7",
    })
    void dateBucket_mapsToDateRangeCode(String label, String code) {
        DateBucket bucket = Json.mapper().convertValue(label, DateBucket.class);
        assertThat(bucket.label()).isEqualTo(label);
        var q = FindingQueries.forInput(input(Map.of("date", List.of(label))));
        assertThat(q.parameters().containsKey("date")).isEqualTo(!code.isEmpty());
        if (!code.isEmpty()) {
            assertThat(q.parameters().get("date")).containsExactly(code);
        }
    }

    static GetFindingsInput input(Map<String, Object> args) {
        return Json.mapper().convertValue(args, GetFindingsInput.class);
    }

    private static String render(Map<String, String> filters) {
        Map<String, String> ordered = new LinkedHashMap<>(filters);
        return String.join("&", ordered.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
