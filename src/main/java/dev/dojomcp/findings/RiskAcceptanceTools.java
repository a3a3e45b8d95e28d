package dev.dojomcp.findings;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.defectdojo.Json;
import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.defectdojo.model.Finding;
import dev.dojomcp.defectdojo.model.Test;
import dev.dojomcp.tools.Args;
import dev.dojomcp.tools.Ids;
import dev.dojomcp.tools.Listing;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.StateRuleViolation;
import dev.dojomcp.tools.ToolHints;
import dev.dojomcp.tools.ToolInputException;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import dev.dojomcp.tools.WriteOutcome;
import dev.dojomcp.tools.WriteSteps;
import dev.dojomcp.tools.schema.Default;
import dev.dojomcp.tools.schema.Format;
import dev.dojomcp.tools.schema.Items;
import dev.dojomcp.tools.schema.Range;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Risk acceptance: accepting findings until a date, with an owner and a reason, and listing acceptances. */
public final class RiskAcceptanceTools {
    /** Longest acceptance the tool grants; longer ones belong in DefectDojo's UI with a review. */
    static final int MAX_DAYS = 3 * 365;

    private RiskAcceptanceTools() {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(acceptRisk(), listRiskAcceptances());
    }

    public enum Action {
        @JsonProperty("accept") A, @JsonProperty("avoid") V, @JsonProperty("mitigate") M, @JsonProperty("fix") F,
        @JsonProperty("transfer") T
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AcceptRisk(
            @JsonProperty(required = true) @JsonPropertyDescription("Active findings of one engagement")
            @Items(min = 1, max = 100, unique = true) List<Long> findingIds,
            @JsonProperty(required = true) @JsonPropertyDescription("DefectDojo user id of the acceptance's owner")
            @Range(min = 1) Long ownerId,
            @JsonProperty(required = true) @JsonPropertyDescription("Why the risk is accepted (decision details)")
            @Format(maxLength = 5000) String reason,
            @JsonProperty(required = true) @JsonPropertyDescription("YYYY-MM-DD after today, at most 3 years ahead; "
                    + "DefectDojo reactivates the findings when it passes") @Format("date") String expirationDate,
            @JsonPropertyDescription("Name of the acceptance; default derived from the findings and date")
            @Format(maxLength = 300) String name,
            @JsonPropertyDescription("Who accepted it, free text (e.g. the CISO's name)") @Format(maxLength = 200)
            String acceptedBy,
            @JsonPropertyDescription("The security team's recommendation; default fix") Action recommendation,
            @JsonPropertyDescription("Reactivate the findings when the acceptance expires; default true")
            @Default("true") Boolean reactivateExpired) {
        public AcceptRisk {
            if (findingIds == null || findingIds.isEmpty()) {
                throw new ToolInputException("finding_ids", "needs at least one finding id");
            }
            findingIds.forEach(id -> Ids.require("finding_ids", id));
            findingIds = List.copyOf(new LinkedHashSet<>(findingIds));
            Ids.require("owner_id", ownerId);
            reason = Args.requiredMultiline("reason", reason, 5000);
            if (expirationDate == null) {
                throw new ToolInputException("expiration_date", "is required");
            }
            expirationDate = Args.date("expiration_date", expirationDate);
            name = Args.text("name", name, 300);
            acceptedBy = Args.text("accepted_by", acceptedBy, 200);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ListRiskAcceptances(
            @JsonPropertyDescription("Acceptances that cover this finding") @Range(min = 1) Long findingId,
            @JsonPropertyDescription("Acceptances owned by this user id") @Range(min = 1) Long ownerId,
            @JsonPropertyDescription("Exact name") @Format(maxLength = 300) String name,
            @Range(min = 1, max = 1000) @Default("100") Integer limit,
            @Range(min = 0) @Default("0") Integer offset) {
        public ListRiskAcceptances {
            name = Args.text("name", name, 300);
        }
    }

    static ToolSpec<AcceptRisk, WriteOutcome<RiskAcceptance>> acceptRisk() {
        return ToolSpec.named("accept_risk", AcceptRisk.class)
                .title("Accept the risk of findings")
                .description("Record a risk acceptance in DefectDojo for active findings of one engagement, with an "
                        + "owner, a reason and a mandatory expiration date (after today, at most 3 years ahead). "
                        + "DefectDojo marks the findings risk-accepted and inactive, and reactivates them on expiry. "
                        + "The product must allow full risk acceptance (DefectDojo's default).")
                .hints(ToolHints.CHANGES).permission(PermissionGroup.FINDING_MGMT).toolset(Toolset.FINDINGS)
                .handler(WriteOutcome.class, new Type[] {RiskAcceptance.class}, (ctx, in) -> WriteSteps.execute(
                        "accept_risk", w -> {
                            LocalDate today = LocalDate.now(ctx.clock());
                            LocalDate expires = LocalDate.parse(in.expirationDate());
                            StateRuleViolation.check(!expires.isAfter(today) || expires.isAfter(today.plusDays(MAX_DAYS)),
                                    "expiration_date", "must be after today and at most " + MAX_DAYS + " days ahead");
                            List<Finding> findings = w.fetch("finding_ids", () -> ctx.dojo().list(
                                    Query.on(Resource.FINDINGS).csv("id", in.findingIds()), in.findingIds().size(), 0,
                                    Finding.class).results());
                            StateRuleViolation.check(findings.size() != in.findingIds().size(), "finding_ids",
                                    "every finding must exist and be visible to this API key");
                            StateRuleViolation.check(findings.stream().anyMatch(f -> !Boolean.TRUE.equals(f.active())),
                                    "finding_ids", "only active findings can be risk-accepted");
                            Set<Long> engagements = new LinkedHashSet<>();
                            for (Long testId : findings.stream().map(Finding::test).distinct().toList()) {
                                engagements.add(w.fetch("finding_ids",
                                        () -> ctx.dojo().get(Resource.TESTS, testId, Test.class)).engagement());
                            }
                            StateRuleViolation.check(engagements.size() != 1, "finding_ids",
                                    "all findings must belong to one engagement (DefectDojo links an acceptance to one)");
                            Map<String, Object> body = new LinkedHashMap<>();
                            body.put("name", in.name() != null ? in.name()
                                    : abbreviate("Accepted until " + expires + ": findings " + in.findingIds(), 300));
                            body.put("owner", in.ownerId());
                            body.put("accepted_findings", in.findingIds());
                            body.put("decision", "A");
                            body.put("decision_details", in.reason());
                            body.put("recommendation", in.recommendation() == null ? "F" : in.recommendation().name());
                            if (in.acceptedBy() != null) {
                                body.put("accepted_by", in.acceptedBy());
                            }
                            // expiration_date is a DateTimeField: a bare date is refused.
                            body.put("expiration_date", expires + "T00:00:00Z");
                            body.put("reactivate_expired", in.reactivateExpired() == null || in.reactivateExpired());
                            JsonNode created = w.run("risk_acceptance",
                                    () -> ctx.dojo().post("risk_acceptance/", body));
                            RiskAcceptance ra = created.has("id")
                                    ? Json.mapper().treeToValue(created, RiskAcceptance.class) : null;
                            if (ra != null) {
                                w.id("risk_acceptance_id", ra.id());
                            }
                            return w.committed("risk accepted for " + in.findingIds().size() + " finding(s) until "
                                    + expires, ra);
                        }));
    }

    static ToolSpec<ListRiskAcceptances, Listing<RiskAcceptance>> listRiskAcceptances() {
        return ToolSpec.named("list_risk_acceptances", ListRiskAcceptances.class)
                .title("List risk acceptances")
                .description("Risk acceptances with their findings, owner, reason and expiration, filterable by "
                        + "finding, owner and name. DefectDojo lists only acceptances the key may edit.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.FINDINGS)
                .handler(Listing.class, new Type[] {RiskAcceptance.class}, (ctx, in) -> {
                    Query q = Query.on(Resource.RISK_ACCEPTANCE)
                            .set("accepted_findings", in.findingId())
                            .set("owner", in.ownerId())
                            .set("name", in.name());
                    return Listing.fetch(ctx, q, in.limit(), in.offset(), RiskAcceptance.class);
                });
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
