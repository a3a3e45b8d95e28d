package dev.dojomcp.sandbox;

import java.util.List;
import java.util.Locale;

/** {@code POST /products/} (§6.1): name (unique), description and prod_type are required. */
final class ProductWriter {
    static final List<String> CRITICALITY = List.of("very high", "high", "medium", "low", "very low", "none");
    static final List<String> PLATFORM = List.of("web service", "desktop", "iot", "mobile", "web");
    static final List<String> LIFECYCLE = List.of("construction", "production", "retirement");
    static final List<String> ORIGIN = List.of("third party library", "purchased", "contractor", "internal",
            "open source", "outsourced");

    private final SandboxStore store;
    private final EntityJson json;

    ProductWriter(SandboxStore store, EntityJson json) {
        this.store = store;
        this.json = json;
    }

    ApiResponse create(ApiRequest request) {
        RequestFields in = RequestFields.of(request);
        in.require("name", "description", "prod_type");
        String name = in.text("name", false, false);
        if (name != null && store.products.values().stream()
                .anyMatch(p -> p.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))) {
            // DRF UniqueValidator wording for the Product model (recalled, unverified). Whether the check is
            // case-insensitive in DefectDojo is not documented; the sandbox compares case-insensitively.
            in.error("name", "product with this name already exists.");
        }
        String description = in.text("description", false, false);
        Integer prodType = in.reference("prod_type", store.productTypes::containsKey, false);
        String criticality = in.choice("business_criticality", CRITICALITY, true);
        String platform = in.choice("platform", PLATFORM, true);
        String lifecycle = in.choice("lifecycle", LIFECYCLE, true);
        String origin = in.choice("origin", ORIGIN, true);
        Integer userRecords = in.integer("user_records", true);
        Integer grade = in.integer("prod_numeric_grade", true);
        String revenue = in.text("revenue", true, true);
        Boolean external = in.bool("external_audience");
        Boolean internet = in.bool("internet_accessible");
        Boolean simpleRisk = in.bool("enable_simple_risk_acceptance");
        Boolean fullRisk = in.bool("enable_full_risk_acceptance");
        Integer manager = in.reference("product_manager", store.users::containsKey, true);
        Integer contact = in.reference("technical_contact", store.users::containsKey, true);
        Integer teamManager = in.reference("team_manager", store.users::containsKey, true);
        Integer sla = in.reference("sla_configuration", store.slaConfigurations::containsKey, false);
        int[] regulations = in.references("regulations", id -> false); // regulations are not modelled
        List<String> tagValues = in.strings("tags");
        List<String> tags = tagValues == null ? List.of() : TagRules.parse(in, "tags", tagValues);
        in.throwIfInvalid();

        long now = request.clock().millis();
        int id = SandboxStore.nextId(store.products);
        ProductRecord product = new ProductRecord(id, name, description, prodType, criticality, platform,
                lifecycle, origin, userRecords, revenue, Boolean.TRUE.equals(external), Boolean.TRUE.equals(internet),
                orNone(manager), orNone(contact), orNone(teamManager), sla == null ? 1 : sla, store.tags(tags),
                now, now, grade, 0, Boolean.TRUE.equals(simpleRisk), fullRisk == null || fullRisk,
                regulations == null ? FindingRecord.NO_IDS : regulations);
        store.products.put(id, product);
        return ApiResponse.of(201, json.product(product));
    }

    static int orNone(Integer id) {
        return id == null ? FindingRecord.NO_ID : id;
    }
}
