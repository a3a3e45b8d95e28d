package dev.dojomcp.sandbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the routed resources for one store and DefectDojo major version. */
final class ResourceCatalog {
    private ResourceCatalog() {
    }

    private static final Predicate<Principal> ANY = p -> true;
    private static final Predicate<Principal> SUPERUSER = Principal::isSuperuser;

    static Map<String, Resource> build(SandboxStore store, int dojoVersion) {
        EntityJson json = new EntityJson(store, dojoVersion);
        FindingJson findingJson = new FindingJson(store, json, dojoVersion);
        Map<String, Resource> resources = new LinkedHashMap<>();

        resources.put("findings", new FindingsResource(store, findingJson, json, dojoVersion));

        resources.put("products", new ListResource<>("products", store.products::values, store.products::get,
                productFilters(store), productOrdering(store), json::product, true, ANY)
                .onCreate(new ProductWriter(store, json)::create));
        FilterSet<ProductTypeRecord> ptFilters = new FilterSet<ProductTypeRecord>()
                .add("id", Filters.numberIn(ProductTypeRecord::id))
                .add("name", Filters.exact(ProductTypeRecord::name))
                .add("critical_product", Filters.bool(ProductTypeRecord::criticalProduct))
                .add("key_product", Filters.bool(ProductTypeRecord::keyProduct))
                .add("created", Filters.dateTimeRange(ProductTypeRecord::created))
                .add("updated", Filters.dateTimeRange(ProductTypeRecord::updated));
        resources.put("product_types", new ListResource<>("product_types", store.productTypes::values,
                store.productTypes::get, ptFilters, null, json::productType, true, ANY));
        EngagementWriter engagementWriter = new EngagementWriter(store, json);
        resources.put("engagements", new ListResource<>("engagements", store.engagements::values,
                store.engagements::get, engagementFilters(store), engagementOrdering(), json::engagement, false, ANY)
                .detailAction("notes", (req, e) -> notesWrapper(json, store, "engagement_id", e.id(), e.notes()))
                .onCreate(engagementWriter::create).onUpdate(engagementWriter::update)
                .detailWrite("POST", "close", engagementWriter::close)
                .detailWrite("POST", "reopen", engagementWriter::reopen));
        resources.put("tests", new ListResource<>("tests", store.tests::values, store.tests::get,
                testFilters(store), testOrdering(), json::test, true, ANY)
                .detailAction("notes", (req, t) -> notesWrapper(json, store, "test_id", t.id(), t.notes()))
                .onCreate(new TestWriter(store, json)::create));
        FilterSet<TestTypeRecord> ttFilters = new FilterSet<TestTypeRecord>()
                .add("id", Filters.number(TestTypeRecord::id))
                .add("name", Filters.exact(TestTypeRecord::name))
                .add("active", Filters.bool(TestTypeRecord::active));
        resources.put("test_types", new ListResource<>("test_types", store.testTypes::values, store.testTypes::get,
                ttFilters, null, json::testType, false, ANY));
        resources.put("users", new ListResource<>("users", store.users::values, store.users::get,
                userFilters(), userOrdering(), json::user, false, SUPERUSER));
        FilterSet<NoteRecord> noteFilters = new FilterSet<NoteRecord>()
                .add("id", Filters.number(NoteRecord::id))
                .add("entry", Filters.exact(NoteRecord::entry))
                .add("author", Filters.number(NoteRecord::author))
                .add("private", Filters.bool(NoteRecord::isPrivate))
                .add("edited", Filters.bool(NoteRecord::edited))
                .add("editor", Filters.number(NoteRecord::editor))
                .add("date", Filters.dateTime(NoteRecord::date, Filters.Compare.EQUAL, false))
                .add("edit_time", Filters.dateTime(NoteRecord::editTime, Filters.Compare.EQUAL, false));
        resources.put("notes", new ListResource<>("notes", store.notes::values, store.notes::get, noteFilters, null,
                json::note, false, SUPERUSER));
        FilterSet<SlaConfigurationRecord> slaFilters = new FilterSet<SlaConfigurationRecord>()
                .add("id", Filters.number(SlaConfigurationRecord::id))
                .add("name", Filters.exact(SlaConfigurationRecord::name));
        resources.put("sla_configurations", new ListResource<>("sla_configurations", store.slaConfigurations::values,
                store.slaConfigurations::get, slaFilters, null, json::slaConfiguration, false, ANY));
        FilterSet<NamedRecord> envFilters = new FilterSet<NamedRecord>()
                .add("id", Filters.number(NamedRecord::id))
                .add("name", Filters.exact(NamedRecord::name));
        resources.put("development_environments", new ListResource<>("development_environments",
                store.developmentEnvironments::values, store.developmentEnvironments::get, envFilters, null,
                json::developmentEnvironment, false, ANY));

        resources.put("risk_acceptance", RiskAcceptanceResource.create(store, findingJson));
        ScanImporter importer = new ScanImporter(store);
        resources.put("import-scan", new ScanImportResource("import-scan", importer::importScan));
        resources.put("reimport-scan", new ScanImportResource("reimport-scan", importer::reimportScan));

        if (dojoVersion == 2) {
            FilterSet<NamedRecord> roleFilters = new FilterSet<NamedRecord>()
                    .add("id", Filters.number(NamedRecord::id))
                    .add("name", Filters.exact(NamedRecord::name));
            resources.put("roles", new ListResource<>("roles", store.roles::values, store.roles::get, roleFilters,
                    null, json::role, false, ANY));
            FilterSet<NamedRecord> groupFilters = new FilterSet<NamedRecord>()
                    .add("id", Filters.number(NamedRecord::id))
                    .add("name", Filters.exact(NamedRecord::name));
            resources.put("dojo_groups", new ListResource<>("dojo_groups", store.groups::values, store.groups::get,
                    groupFilters, null, json::group, true, ANY));
            FilterSet<GroupMemberRecord> memberFilters = new FilterSet<GroupMemberRecord>()
                    .add("id", Filters.number(GroupMemberRecord::id))
                    .add("group_id", Filters.number(GroupMemberRecord::group))
                    .add("user_id", Filters.number(GroupMemberRecord::user));
            resources.put("dojo_group_members", new ListResource<>("dojo_group_members", store.groupMembers::values,
                    store.groupMembers::get, memberFilters, null, json::groupMember, true, ANY));
        }
        return resources;
    }

    static ApiResponse notesWrapper(EntityJson json, SandboxStore store, String idKey, int id, int[] noteIds) {
        ObjectNode body = Json.object();
        body.put(idKey, id);
        ArrayNode notes = body.putArray("notes");
        for (int noteId : noteIds) {
            NoteRecord note = store.notes.get(noteId);
            if (note != null) {
                notes.add(json.note(note));
            }
        }
        return ApiResponse.ok(body);
    }

    private static final Set<String> CRITICALITY = Set.of("very high", "high", "medium", "low", "very low", "none");
    private static final Set<String> PLATFORM = Set.of("web service", "desktop", "iot", "mobile", "web");
    private static final Set<String> LIFECYCLE = Set.of("construction", "production", "retirement");
    private static final Set<String> ORIGIN = Set.of("third party library", "purchased", "contractor", "internal",
            "open source", "outsourced");

    private static FilterSet<ProductRecord> productFilters(SandboxStore store) {
        FilterSet<ProductRecord> s = new FilterSet<ProductRecord>()
                .add("name", Filters.icontains(ProductRecord::name))
                .add("name_exact", Filters.iexact(ProductRecord::name))
                .add("description", Filters.icontains(ProductRecord::description))
                .add("business_criticality", Filters.multipleChoice(CRITICALITY, ProductRecord::businessCriticality))
                .add("platform", Filters.multipleChoice(PLATFORM, ProductRecord::platform))
                .add("lifecycle", Filters.multipleChoice(LIFECYCLE, ProductRecord::lifecycle))
                .add("origin", Filters.multipleChoice(ORIGIN, ProductRecord::origin))
                .add("external_audience", Filters.bool(ProductRecord::externalAudience))
                .add("internet_accessible", Filters.bool(ProductRecord::internetAccessible))
                .add("id", Filters.numberIn(ProductRecord::id))
                .add("prod_type", Filters.numberIn(ProductRecord::prodType))
                .add("product_manager", Filters.numberIn(ProductRecord::productManager))
                .add("technical_contact", Filters.numberIn(ProductRecord::technicalContact))
                .add("team_manager", Filters.numberIn(ProductRecord::teamManager))
                .add("tid", Filters.numberIn(ProductRecord::tid))
                .add("prod_numeric_grade", Filters.numberIn(p -> p.prodNumericGrade() == null ? -1 : p.prodNumericGrade()))
                .add("user_records", Filters.numberIn(p -> p.userRecords() == null ? -1 : p.userRecords()))
                .add("regulations", Filters.numberInAny(ProductRecord::regulations))
                .add("created", Filters.dateTimeRange(ProductRecord::created))
                .add("updated", Filters.dateTimeRange(ProductRecord::updated));
        return Filters.addOwnTags(s, ProductRecord::tags);
    }

    private static Ordering<ProductRecord> productOrdering(SandboxStore store) {
        Ordering<ProductRecord> o = new Ordering<>(null, java.util.Comparator.comparingInt(ProductRecord::id));
        java.util.function.Function<Integer, UserRecord> user = store.users::get;
        o.number("id", ProductRecord::id).number("tid", ProductRecord::tid).text("name", ProductRecord::name)
                .number("created", ProductRecord::created, FindingRecord.NO_TIME)
                .number("prod_numeric_grade", p -> p.prodNumericGrade() == null ? Long.MAX_VALUE : p.prodNumericGrade())
                .text("business_criticality", ProductRecord::businessCriticality)
                .text("platform", ProductRecord::platform).text("lifecycle", ProductRecord::lifecycle)
                .text("origin", ProductRecord::origin)
                .number("revenue", p -> p.revenue() == null ? Long.MAX_VALUE
                        : new java.math.BigDecimal(p.revenue()).movePointRight(2).longValue())
                .bool("external_audience", ProductRecord::externalAudience)
                .bool("internet_accessible", ProductRecord::internetAccessible)
                .number("prod_type", ProductRecord::prodType)
                .text("prod_type__name", p -> {
                    ProductTypeRecord pt = store.productTypes.get(p.prodType());
                    return pt == null ? null : pt.name();
                })
                .number("updated", ProductRecord::updated, FindingRecord.NO_TIME)
                .number("user_records", p -> p.userRecords() == null ? Long.MAX_VALUE : p.userRecords());
        for (String role : new String[] {"product_manager", "technical_contact", "team_manager"}) {
            java.util.function.ToIntFunction<ProductRecord> id = switch (role) {
                case "product_manager" -> ProductRecord::productManager;
                case "technical_contact" -> ProductRecord::technicalContact;
                default -> ProductRecord::teamManager;
            };
            o.number(role, p -> id.applyAsInt(p), FindingRecord.NO_ID);
            o.text(role + "__first_name", p -> {
                UserRecord u = user.apply(id.applyAsInt(p));
                return u == null ? null : u.firstName();
            });
            o.text(role + "__last_name", p -> {
                UserRecord u = user.apply(id.applyAsInt(p));
                return u == null ? null : u.lastName();
            });
        }
        return o;
    }

    private static FilterSet<EngagementRecord> engagementFilters(SandboxStore store) {
        FilterSet<EngagementRecord> s = new FilterSet<EngagementRecord>()
                .add("id", Filters.number(EngagementRecord::id))
                .add("product", Filters.modelChoice(EngagementRecord::product,
                        id -> store.products.containsKey((int) id)))
                .add("product__prod_type", Filters.numberIn(e -> {
                    ProductRecord p = store.products.get(e.product());
                    return p == null ? 0 : p.prodType();
                }))
                .add("name", Filters.exact(EngagementRecord::name))
                .add("version", Filters.exact(EngagementRecord::version))
                .add("status", Filters.exact(EngagementRecord::status))
                .add("active", Filters.bool(EngagementRecord::active))
                .add("threat_model", Filters.bool(EngagementRecord::threatModel))
                .add("api_test", Filters.bool(EngagementRecord::apiTest))
                .add("pen_test", Filters.bool(EngagementRecord::penTest))
                .add("target_start", Filters.date(EngagementRecord::targetStart, Filters.Compare.EQUAL))
                .add("target_end", Filters.date(EngagementRecord::targetEnd, Filters.Compare.EQUAL))
                .add("updated", Filters.dateTime(EngagementRecord::updated, Filters.Compare.EQUAL, false));
        Filters.addOwnTags(s, EngagementRecord::tags);
        return Filters.addParentTags(s, "product__", e -> {
            ProductRecord p = store.products.get(e.product());
            return p == null ? FindingRecord.NO_STRINGS : p.tags();
        });
    }

    private static Ordering<EngagementRecord> engagementOrdering() {
        return new Ordering<EngagementRecord>(null, java.util.Comparator.comparingInt(EngagementRecord::id))
                .text("name", EngagementRecord::name).text("version", EngagementRecord::version)
                .number("target_start", EngagementRecord::targetStart, FindingRecord.NO_DAY)
                .number("target_end", EngagementRecord::targetEnd, FindingRecord.NO_DAY)
                .text("status", EngagementRecord::status)
                .number("lead", EngagementRecord::lead, FindingRecord.NO_ID)
                .number("created", EngagementRecord::created, FindingRecord.NO_TIME)
                .number("updated", EngagementRecord::updated, FindingRecord.NO_TIME);
    }

    private static FilterSet<TestRecord> testFilters(SandboxStore store) {
        FilterSet<TestRecord> s = new FilterSet<TestRecord>()
                .add("id", Filters.number(TestRecord::id))
                .add("percent_complete", Filters.number(t -> t.percentComplete() == null ? -1 : t.percentComplete()))
                .add("engagement", Filters.modelChoice(TestRecord::engagement,
                        id -> store.engagements.containsKey((int) id)))
                .add("test_type", Filters.modelChoice(TestRecord::testType, id -> store.testTypes.containsKey((int) id)))
                .add("title", Filters.exact(TestRecord::title))
                .add("version", Filters.exact(TestRecord::version))
                .add("branch_tag", Filters.exact(TestRecord::branchTag))
                .add("build_id", Filters.exact(TestRecord::buildId))
                .add("commit_hash", Filters.exact(TestRecord::commitHash))
                .add("scan_type", Filters.exact(TestRecord::scanType))
                .add("target_start", Filters.dateTime(TestRecord::targetStart, Filters.Compare.EQUAL, false))
                .add("target_end", Filters.dateTime(TestRecord::targetEnd, Filters.Compare.EQUAL, false))
                .add("notes", Filters.numberInAny(TestRecord::notes));
        Filters.addOwnTags(s, TestRecord::tags);
        Filters.addParentTags(s, "engagement__", t -> {
            EngagementRecord e = store.engagements.get(t.engagement());
            return e == null ? FindingRecord.NO_STRINGS : e.tags();
        });
        return Filters.addParentTags(s, "engagement__product__", t -> {
            EngagementRecord e = store.engagements.get(t.engagement());
            ProductRecord p = e == null ? null : store.products.get(e.product());
            return p == null ? FindingRecord.NO_STRINGS : p.tags();
        });
    }

    private static Ordering<TestRecord> testOrdering() {
        return new Ordering<TestRecord>(null, java.util.Comparator.comparingInt(TestRecord::id))
                .text("title", TestRecord::title).text("version", TestRecord::version)
                .number("target_start", TestRecord::targetStart, FindingRecord.NO_TIME)
                .number("target_end", TestRecord::targetEnd, FindingRecord.NO_TIME)
                .number("test_type", TestRecord::testType)
                .number("lead", TestRecord::lead, FindingRecord.NO_ID)
                .text("branch_tag", TestRecord::branchTag).text("build_id", TestRecord::buildId)
                .text("commit_hash", TestRecord::commitHash)
                .number("api_scan_configuration", t -> Long.MAX_VALUE)
                .number("engagement", TestRecord::engagement)
                .number("created", TestRecord::created, FindingRecord.NO_TIME)
                .number("updated", TestRecord::updated, FindingRecord.NO_TIME);
    }

    private static FilterSet<UserRecord> userFilters() {
        return new FilterSet<UserRecord>()
                .add("id", Filters.number(UserRecord::id))
                .add("username", Filters.icontains(UserRecord::username))
                .add("first_name", Filters.icontains(UserRecord::firstName))
                .add("last_name", Filters.icontains(UserRecord::lastName))
                .add("email", Filters.icontains(UserRecord::email))
                .add("is_active", Filters.bool(UserRecord::isActive))
                .add("is_superuser", Filters.bool(UserRecord::isSuperuser))
                .add("last_login_after", Filters.dateTime(UserRecord::lastLogin, Filters.Compare.AFTER, false))
                .add("last_login_before", Filters.dateTime(UserRecord::lastLogin, Filters.Compare.BEFORE, false))
                .add("date_joined_after", Filters.dateTime(UserRecord::dateJoined, Filters.Compare.AFTER, false))
                .add("date_joined_before", Filters.dateTime(UserRecord::dateJoined, Filters.Compare.BEFORE, false));
    }

    private static Ordering<UserRecord> userOrdering() {
        return new Ordering<UserRecord>(null, java.util.Comparator.comparingInt(UserRecord::id))
                .text("username", UserRecord::username).text("last_name", UserRecord::lastName)
                .text("first_name", UserRecord::firstName).text("email", UserRecord::email)
                .bool("is_active", UserRecord::isActive).bool("is_superuser", UserRecord::isSuperuser)
                .number("date_joined", UserRecord::dateJoined, FindingRecord.NO_TIME)
                .number("last_login", UserRecord::lastLogin, FindingRecord.NO_TIME);
    }
}
