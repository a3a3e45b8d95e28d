package dev.dojomcp.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The 271 {@code scan_type} names DefectDojo's parser factory registers (§15, resource {@code scan-types.txt}),
 * read once per JVM. DefectDojo offers a name as an import choice when a parser registers it and its
 * {@code Test_Type} row is not inactive; its initializer ({@code initialize_test_types}) creates one active row
 * per registered name.
 */
final class ScanTypes {
    /** Scan types whose parsers pull from an API and do not need a report file ({@code requires_file()}). */
    private static final Set<String> API_PULL = Set.of("BlackDuck API", "Bugcrowd API Import",
            "Cobalt.io API Import", "Edgescan Scan", "SonarQube API Import", "Vulners");

    private ScanTypes() {
    }

    private static final class Names {
        static final List<String> LIST = load();
        static final Set<String> SET = Set.copyOf(LIST);

        private static List<String> load() {
            try (InputStream in = ScanTypes.class.getResourceAsStream("scan-types.txt")) {
                if (in == null) {
                    throw new IllegalStateException("scan-types.txt is missing from the class path");
                }
                Set<String> names = new LinkedHashSet<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        names.add(line.strip());
                    }
                }
                return List.copyOf(names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static List<String> names() {
        return Names.LIST;
    }

    /** A registered name whose test type, when the store has one, is active. */
    static boolean isValid(SandboxStore store, String name) {
        if (!Names.SET.contains(name)) {
            return false;
        }
        for (TestTypeRecord type : store.testTypes.values()) {
            if (type.name().equals(name) && !type.active()) {
                return false;
            }
        }
        return true;
    }

    static boolean requiresFile(String name) {
        return !API_PULL.contains(name);
    }

    /**
     * Adds an active test type for every scan type the store does not name yet, after the existing ids and in
     * the file's order, so the ids depend only on what was loaded before. Static/dynamic flags stay false, the
     * model defaults DefectDojo's {@code get_or_create(name=…)} leaves on a new row.
     */
    static void seed(SandboxStore store) {
        Set<String> present = new HashSet<>();
        store.testTypes.values().forEach(t -> present.add(t.name()));
        List<TestTypeRecord> added = new ArrayList<>();
        int id = SandboxStore.nextId(store.testTypes);
        for (String name : Names.LIST) {
            if (!present.contains(name)) {
                added.add(new TestTypeRecord(id++, name, false, false, true, FindingRecord.NO_STRINGS));
            }
        }
        added.forEach(t -> store.testTypes.put(t.id(), t));
    }
}
