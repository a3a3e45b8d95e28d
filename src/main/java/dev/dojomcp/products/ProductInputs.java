package dev.dojomcp.products;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.tools.Args;
import dev.dojomcp.tools.Ids;
import dev.dojomcp.tools.JsonNames;
import dev.dojomcp.tools.ToolInputException;
import dev.dojomcp.tools.schema.Default;
import dev.dojomcp.tools.schema.Format;
import dev.dojomcp.tools.schema.Items;
import dev.dojomcp.tools.schema.Range;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Input records of the product, product type, engagement, test and test type tools. */
public final class ProductInputs {
    private ProductInputs() {
    }

    public enum BusinessCriticality {
        @JsonProperty("very high") VERY_HIGH, @JsonProperty("high") HIGH, @JsonProperty("medium") MEDIUM,
        @JsonProperty("low") LOW, @JsonProperty("very low") VERY_LOW, @JsonProperty("none") NONE;

        String wire() {
            return JsonNames.of(this);
        }
    }

    public enum Platform {
        @JsonProperty("web service") WEB_SERVICE, @JsonProperty("desktop") DESKTOP, @JsonProperty("iot") IOT,
        @JsonProperty("mobile") MOBILE, @JsonProperty("web") WEB;

        String wire() {
            return JsonNames.of(this);
        }
    }

    public enum Lifecycle {
        @JsonProperty("construction") CONSTRUCTION, @JsonProperty("production") PRODUCTION,
        @JsonProperty("retirement") RETIREMENT;

        String wire() {
            return JsonNames.of(this);
        }
    }

    public enum Origin {
        @JsonProperty("third party library") THIRD_PARTY_LIBRARY, @JsonProperty("purchased") PURCHASED,
        @JsonProperty("contractor") CONTRACTOR, @JsonProperty("internal") INTERNAL,
        @JsonProperty("open source") OPEN_SOURCE, @JsonProperty("outsourced") OUTSOURCED;

        String wire() {
            return JsonNames.of(this);
        }
    }

    public enum EngagementType {
        @JsonProperty("Interactive") INTERACTIVE, @JsonProperty("CI/CD") CI_CD;

        String wire() {
            return JsonNames.of(this);
        }
    }

    public enum EngagementStatus {
        @JsonProperty("Not Started") NOT_STARTED, @JsonProperty("Blocked") BLOCKED,
        @JsonProperty("Cancelled") CANCELLED, @JsonProperty("Completed") COMPLETED,
        @JsonProperty("In Progress") IN_PROGRESS, @JsonProperty("On Hold") ON_HOLD,
        @JsonProperty("Scheduled") SCHEDULED, @JsonProperty("Waiting for Resource") WAITING_FOR_RESOURCE;

        String wire() {
            return JsonNames.of(this);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GetProducts(
            @JsonPropertyDescription("Name contains this text (case-insensitive)") @Format(maxLength = 200) String name,
            @JsonPropertyDescription("Any of these business criticalities") @Items(unique = true)
            List<BusinessCriticality> businessCriticality,
            @JsonPropertyDescription("Any of these platforms") @Items(unique = true) List<Platform> platform,
            @JsonPropertyDescription("Any of these lifecycles") @Items(unique = true) List<Lifecycle> lifecycle,
            Boolean externalAudience,
            Boolean internetAccessible,
            @JsonPropertyDescription("Only products of this product type") @Range(min = 1) Long productTypeId,
            @JsonPropertyDescription("Products with any of these tags") @Items(max = 50) List<String> tags,
            @Range(min = 1, max = 1000) @Default("100") Integer limit,
            @Range(min = 0) @Default("0") Integer offset) {
        public GetProducts {
            name = Args.text("name", name, 200);
            tags = Args.tags("tags", tags);
            if (businessCriticality != null && businessCriticality.contains(null)) {
                throw new ToolInputException("business_criticality", "must not contain null");
            }
            if (platform != null && platform.contains(null)) {
                throw new ToolInputException("platform", "must not contain null");
            }
            if (lifecycle != null && lifecycle.contains(null)) {
                throw new ToolInputException("lifecycle", "must not contain null");
            }
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProductId(@JsonProperty(required = true) @Range(min = 1) Long productId) {
        public ProductId {
            Ids.require("product_id", productId);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GetProductTypes(
            @JsonPropertyDescription("Exact product type name") @Format(maxLength = 200) String name,
            @Range(min = 1, max = 1000) @Default("100") Integer limit,
            @Range(min = 0) @Default("0") Integer offset) {
        public GetProductTypes {
            name = Args.text("name", name, 200);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProductTypeId(@JsonProperty(required = true) @Range(min = 1) Long productTypeId) {
        public ProductTypeId {
            Ids.require("product_type_id", productTypeId);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GetEngagements(
            @JsonPropertyDescription("Only engagements of this product") @Range(min = 1) Long productId,
            @JsonPropertyDescription("Only engagements of products of this product type") @Range(min = 1)
            Long productTypeId,
            @JsonPropertyDescription("Exact engagement name") @Format(maxLength = 200) String name,
            EngagementStatus status,
            @JsonPropertyDescription("true: open engagements; false: closed ones") Boolean active,
            @JsonPropertyDescription("Engagements with any of these tags") @Items(max = 50) List<String> tags,
            @JsonPropertyDescription("Sort: name, version, target_start, target_end, status, lead, created, "
                    + "updated; prefix - for descending") @Format(pattern = "^-?(name|version|target_start|target_end|status|lead|created|updated)$")
            String orderBy,
            @Range(min = 1, max = 1000) @Default("100") Integer limit,
            @Range(min = 0) @Default("0") Integer offset) {
        public GetEngagements {
            name = Args.text("name", name, 200);
            tags = Args.tags("tags", tags);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EngagementId(@JsonProperty(required = true) @Range(min = 1) Long engagementId) {
        public EngagementId {
            Ids.require("engagement_id", engagementId);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record GetTests(
            @JsonPropertyDescription("Only tests of this engagement") @Range(min = 1) Long engagementId,
            @JsonPropertyDescription("Only tests of this test type (see list_test_types)") @Range(min = 1)
            Long testTypeId,
            @JsonPropertyDescription("Exact scan type, e.g. \"ZAP Scan\"") @Format(maxLength = 200) String scanType,
            @JsonPropertyDescription("Exact test title") @Format(maxLength = 200) String title,
            @JsonPropertyDescription("Tests with any of these tags") @Items(max = 50) List<String> tags,
            @Range(min = 1, max = 1000) @Default("100") Integer limit,
            @Range(min = 0) @Default("0") Integer offset) {
        public GetTests {
            scanType = Args.text("scan_type", scanType, 200);
            title = Args.text("title", title, 200);
            tags = Args.tags("tags", tags);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TestId(@JsonProperty(required = true) @Range(min = 1) Long testId) {
        public TestId {
            Ids.require("test_id", testId);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ListTestTypes(
            @JsonPropertyDescription("Exact test type name, e.g. \"Trivy Scan\"") @Format(maxLength = 200) String name,
            @JsonPropertyDescription("true: only types that can be imported") Boolean active,
            @Range(min = 1, max = 1000) @Default("100") Integer limit,
            @Range(min = 0) @Default("0") Integer offset) {
        public ListTestTypes {
            name = Args.text("name", name, 200);
        }
    }
}
