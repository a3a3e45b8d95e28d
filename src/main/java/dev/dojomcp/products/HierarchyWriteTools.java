package dev.dojomcp.products;

import static dev.dojomcp.tools.Fields.putIfSet;

import dev.dojomcp.defectdojo.Json;
import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.defectdojo.model.Engagement;
import dev.dojomcp.defectdojo.model.Product;
import dev.dojomcp.defectdojo.model.Test;
import dev.dojomcp.defectdojo.model.TestType;
import dev.dojomcp.products.HierarchyWriteInputs.CreateEngagement;
import dev.dojomcp.products.HierarchyWriteInputs.CreateProduct;
import dev.dojomcp.products.HierarchyWriteInputs.CreateTest;
import dev.dojomcp.products.HierarchyWriteInputs.UpdateEngagement;
import dev.dojomcp.products.ProductInputs.EngagementId;
import dev.dojomcp.products.ProductInputs.EngagementStatus;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.StateRuleViolation;
import dev.dojomcp.tools.ToolContext;
import dev.dojomcp.tools.ToolHints;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import dev.dojomcp.tools.WriteOutcome;
import dev.dojomcp.tools.WriteSteps;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Creating products, engagements and tests, updating and closing engagements. */
public final class HierarchyWriteTools {
    private HierarchyWriteTools() {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(createProduct(), createEngagement(), updateEngagement(), closeEngagement(), createTest());
    }

    static ToolSpec<CreateProduct, WriteOutcome<Product>> createProduct() {
        return ToolSpec.named("create_product", CreateProduct.class)
                .title("Create a product")
                .description("Create a product (DefectDojo 3 calls it an asset) in a product type, with optional "
                        + "criticality, platform, lifecycle, origin, exposure, owners, SLA configuration and tags. "
                        + "Names are unique in DefectDojo.")
                .hints(ToolHints.CREATES).permission(PermissionGroup.PRODUCT_MGMT).toolset(Toolset.PRODUCTS)
                .handler(WriteOutcome.class, new Type[] {Product.class}, (ctx, in) -> WriteSteps.execute(
                        "create_product", w -> {
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("name", in.name());
                            body.put("description", in.description());
                            body.put("prod_type", in.productTypeId());
                            putIfSet(body, "business_criticality", in.businessCriticality() == null ? null
                                    : in.businessCriticality().wire());
                            putIfSet(body, "platform", in.platform() == null ? null : in.platform().wire());
                            putIfSet(body, "lifecycle", in.lifecycle() == null ? null : in.lifecycle().wire());
                            putIfSet(body, "origin", in.origin() == null ? null : in.origin().wire());
                            putIfSet(body, "external_audience", in.externalAudience());
                            putIfSet(body, "internet_accessible", in.internetAccessible());
                            putIfSet(body, "enable_simple_risk_acceptance", in.enableSimpleRiskAcceptance());
                            putIfSet(body, "enable_full_risk_acceptance", in.enableFullRiskAcceptance());
                            putIfSet(body, "product_manager", in.productManagerId());
                            putIfSet(body, "technical_contact", in.technicalContactId());
                            putIfSet(body, "sla_configuration", in.slaConfigurationId());
                            putIfSet(body, "tags", in.tags());
                            JsonNode created = w.run("create", () -> ctx.dojo().post("products/", body));
                            Product p = convert(created, Product.class);
                            if (p != null) {
                                w.id("product_id", p.id());
                            }
                            return w.committed("product created", p);
                        }));
    }

    static ToolSpec<CreateEngagement, WriteOutcome<Engagement>> createEngagement() {
        return ToolSpec.named("create_engagement", CreateEngagement.class)
                .title("Create an engagement")
                .description("Create an engagement (a testing period or a CI/CD pipeline) in a product, with dates, "
                        + "type, status, build/commit/branch, lead and tags.")
                .hints(ToolHints.CREATES).permission(PermissionGroup.ENGAGEMENT_MGMT).toolset(Toolset.PRODUCTS)
                .handler(WriteOutcome.class, new Type[] {Engagement.class}, (ctx, in) -> WriteSteps.execute(
                        "create_engagement", w -> {
                            w.fetch("product_id", () -> ctx.dojo().get(Resource.PRODUCTS, in.productId(),
                                    Product.class));
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("product", in.productId());
                            body.put("name", in.name());
                            body.put("target_start", in.targetStart());
                            body.put("target_end", in.targetEnd());
                            body.put("engagement_type", in.engagementType() == null ? "Interactive"
                                    : in.engagementType().wire());
                            body.put("status", in.status() == null ? "In Progress" : in.status().wire());
                            putIfSet(body, "description", in.description());
                            putIfSet(body, "version", in.version());
                            putIfSet(body, "build_id", in.buildId());
                            putIfSet(body, "commit_hash", in.commitHash());
                            putIfSet(body, "branch_tag", in.branchTag());
                            putIfSet(body, "source_code_management_uri", in.sourceCodeManagementUri());
                            putIfSet(body, "deduplication_on_engagement", in.deduplicationOnEngagement());
                            putIfSet(body, "lead", in.leadId());
                            putIfSet(body, "tags", in.tags());
                            JsonNode created = w.run("create", () -> ctx.dojo().post("engagements/", body));
                            Engagement e = convert(created, Engagement.class);
                            if (e != null) {
                                w.id("engagement_id", e.id());
                            }
                            return w.committed("engagement created", e);
                        }));
    }

    static ToolSpec<UpdateEngagement, WriteOutcome<Engagement>> updateEngagement() {
        return ToolSpec.named("update_engagement", UpdateEngagement.class)
                .title("Update an engagement")
                .description("Change an engagement's name, description, dates, status (not Completed: use "
                        + "close_engagement), version, build/commit/branch, de-duplication scope, lead or tags (tags "
                        + "given replace the current ones).")
                .hints(ToolHints.CHANGES_IDEMPOTENT).permission(PermissionGroup.ENGAGEMENT_MGMT)
                .toolset(Toolset.PRODUCTS)
                .handler(WriteOutcome.class, new Type[] {Engagement.class}, (ctx, in) -> WriteSteps.execute(
                        "update_engagement", w -> {
                            w.id("engagement_id", in.engagementId());
                            Engagement current = w.fetch("engagement_id", () -> ctx.dojo().get(Resource.ENGAGEMENTS,
                                    in.engagementId(), Engagement.class));
                            String start = in.targetStart() != null ? in.targetStart() : current.targetStart();
                            String end = in.targetEnd() != null ? in.targetEnd() : current.targetEnd();
                            StateRuleViolation.check(start != null && end != null
                                    && LocalDate.parse(end).isBefore(LocalDate.parse(start)), "target_end",
                                    "must not be before target_start");
                            Map<String, Object> body = new LinkedHashMap<>();
                            putIfSet(body, "name", in.name());
                            putIfSet(body, "description", in.description());
                            putIfSet(body, "target_start", in.targetStart());
                            putIfSet(body, "target_end", in.targetEnd());
                            putIfSet(body, "status", in.status() == null ? null : in.status().wire());
                            putIfSet(body, "version", in.version());
                            putIfSet(body, "build_id", in.buildId());
                            putIfSet(body, "commit_hash", in.commitHash());
                            putIfSet(body, "branch_tag", in.branchTag());
                            putIfSet(body, "deduplication_on_engagement", in.deduplicationOnEngagement());
                            putIfSet(body, "lead", in.leadId());
                            putIfSet(body, "tags", in.tags());
                            JsonNode updated = w.run("update", () -> ctx.dojo().patch(
                                    "engagements/" + in.engagementId() + "/", body));
                            Engagement e = convert(updated, Engagement.class);
                            return w.committed("engagement updated", e != null ? e : w.readBack(
                                    () -> ctx.dojo().get(Resource.ENGAGEMENTS, in.engagementId(), Engagement.class)));
                        }));
    }

    static ToolSpec<EngagementId, WriteOutcome<Engagement>> closeEngagement() {
        return ToolSpec.named("close_engagement", EngagementId.class)
                .title("Close an engagement")
                .description("Close an engagement through DefectDojo's close action: status Completed, no longer "
                        + "active. Its findings are not closed. Closing a closed engagement changes nothing.")
                .hints(ToolHints.CHANGES_IDEMPOTENT).permission(PermissionGroup.ENGAGEMENT_MGMT)
                .toolset(Toolset.PRODUCTS)
                .handler(WriteOutcome.class, new Type[] {Engagement.class}, (ctx, in) -> WriteSteps.execute(
                        "close_engagement", w -> {
                            w.id("engagement_id", in.engagementId());
                            Engagement current = w.fetch("engagement_id", () -> ctx.dojo().get(Resource.ENGAGEMENTS,
                                    in.engagementId(), Engagement.class));
                            if (Boolean.FALSE.equals(current.active())
                                    && EngagementStatus.COMPLETED.wire().equals(current.status())) {
                                return w.unchanged("the engagement is already closed", current);
                            }
                            w.run("close", () -> ctx.dojo().post("engagements/" + in.engagementId() + "/close/",
                                    Map.of()));
                            return w.committed("engagement closed", w.readBack(() -> ctx.dojo().get(
                                    Resource.ENGAGEMENTS, in.engagementId(), Engagement.class)));
                        }));
    }

    static ToolSpec<CreateTest, WriteOutcome<Test>> createTest() {
        return ToolSpec.named("create_test", CreateTest.class)
                .title("Create a test")
                .description("Create a test in an engagement, of a test type given by id or exact name (e.g. "
                        + "\"Manual Code Review\"), for findings entered by hand with create_finding. Scanner reports "
                        + "create their own tests through import_scan.")
                .hints(ToolHints.CREATES).permission(PermissionGroup.ENGAGEMENT_MGMT).toolset(Toolset.PRODUCTS)
                .handler(WriteOutcome.class, new Type[] {Test.class}, (ctx, in) -> WriteSteps.execute(
                        "create_test", w -> {
                            w.fetch("engagement_id", () -> ctx.dojo().get(Resource.ENGAGEMENTS, in.engagementId(),
                                    Engagement.class));
                            long testType = in.testTypeId() != null ? in.testTypeId() : testTypeByName(ctx,
                                    in.testTypeName());
                            String start = in.targetStart() != null ? in.targetStart()
                                    : LocalDate.now(ctx.clock()).toString();
                            String end = in.targetEnd() != null ? in.targetEnd() : start;
                            StateRuleViolation.check(LocalDate.parse(end).isBefore(LocalDate.parse(start)),
                                    "target_end", "must not be before target_start");
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("engagement", in.engagementId());
                            body.put("test_type", testType);
                            // Test dates are DateTimeFields.
                            body.put("target_start", start + "T00:00:00Z");
                            body.put("target_end", end + "T00:00:00Z");
                            putIfSet(body, "title", in.title());
                            putIfSet(body, "description", in.description());
                            putIfSet(body, "version", in.version());
                            putIfSet(body, "build_id", in.buildId());
                            putIfSet(body, "commit_hash", in.commitHash());
                            putIfSet(body, "branch_tag", in.branchTag());
                            putIfSet(body, "environment", in.environmentId());
                            putIfSet(body, "tags", in.tags());
                            JsonNode created = w.run("create", () -> ctx.dojo().post("tests/", body));
                            Test t = convert(created, Test.class);
                            if (t != null) {
                                w.id("test_id", t.id());
                            }
                            return w.committed("test created", t);
                        }));
    }

    private static long testTypeByName(ToolContext ctx, String name) {
        List<TestType> types = ctx.dojo().list(Query.on(Resource.TEST_TYPES).set("name", name), 2, 0, TestType.class)
                .results().stream().filter(t -> name.equals(t.name())).toList();
        StateRuleViolation.check(types.size() != 1, "test_type_name",
                "names no DefectDojo test type (see list_test_types)");
        return types.get(0).id();
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        return node.has("id") ? Json.mapper().treeToValue(node, type) : null;
    }
}
