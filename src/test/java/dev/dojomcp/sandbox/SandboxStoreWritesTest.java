package dev.dojomcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The store's incremental upkeep of the default order matches a full sort after writes. */
class SandboxStoreWritesTest {

    @Test
    void defaultOrder_afterReplaceAndAppend_equalsAFreshSort() {
        SandboxStore store = new Generator(5, 500, Instant.parse("2025-06-15T12:00:00Z")).generate();
        store.findingsInDefaultOrder();
        FindingRecord changed = store.finding(store.findingsById().get(10).id).copy();
        changed.severity = (byte) Severity.CRITICAL.ordinal();
        changed.title = "Aaa first";
        store.replaceFinding(changed);
        FindingRecord added = store.findingsById().get(3).copy();
        added.title = "zzz appended";
        store.appendFinding(added);

        FindingRecord[] expected = store.findingsById().toArray(new FindingRecord[0]);
        Arrays.sort(expected, FindingOrdering.DEFAULT);
        assertThat(store.findingsInDefaultOrder()).containsExactly(expected);
        assertThat(store.finding(changed.id)).isSameAs(changed);
        assertThat(store.finding(added.id)).isSameAs(added);
        assertThat(added.id).isEqualTo(store.findingsById().get(store.findingCount() - 2).id + 1);
    }
}
