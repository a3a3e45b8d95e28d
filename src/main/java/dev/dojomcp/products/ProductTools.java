package dev.dojomcp.products;

import dev.dojomcp.defectdojo.Query;
import dev.dojomcp.defectdojo.Resource;
import dev.dojomcp.defectdojo.model.Engagement;
import dev.dojomcp.defectdojo.model.Product;
import dev.dojomcp.defectdojo.model.ProductType;
import dev.dojomcp.defectdojo.model.Test;
import dev.dojomcp.defectdojo.model.TestType;
import dev.dojomcp.products.ProductInputs.BusinessCriticality;
import dev.dojomcp.products.ProductInputs.EngagementId;
import dev.dojomcp.products.ProductInputs.GetEngagements;
import dev.dojomcp.products.ProductInputs.GetProductTypes;
import dev.dojomcp.products.ProductInputs.GetProducts;
import dev.dojomcp.products.ProductInputs.GetTests;
import dev.dojomcp.products.ProductInputs.Lifecycle;
import dev.dojomcp.products.ProductInputs.ListTestTypes;
import dev.dojomcp.products.ProductInputs.Platform;
import dev.dojomcp.products.ProductInputs.ProductId;
import dev.dojomcp.products.ProductInputs.ProductTypeId;
import dev.dojomcp.products.ProductInputs.TestId;
import dev.dojomcp.tools.Listing;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import java.lang.reflect.Type;
import java.util.List;

/** The product hierarchy: product types → products → engagements → tests, plus the test type catalogue. */
public final class ProductTools {
    private ProductTools() {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(getProducts(), getProductById(), getProductTypes(), getProductTypeById(), getEngagements(),
                getEngagementById(), getTests(), getTestById(), listTestTypes());
    }


    static ToolSpec<GetProducts, Listing<Product>> getProducts() {
        return ToolSpec.named("get_products", GetProducts.class)
                .title("List products")
                .description("Products (DefectDojo 3 calls them assets): applications, services or systems under "
                        + "test, filterable by name, business criticality, platform, lifecycle, exposure, product "
                        + "type and tags. findings_count is the number of active findings.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.PRODUCTS)
                .handler(Listing.class, new Type[] {Product.class}, (ctx, in) -> {
                    Query q = Query.on(Resource.PRODUCTS)
                            .set("name", in.name())
                            .repeat("business_criticality", in.businessCriticality() == null ? null
                                    : in.businessCriticality().stream().map(BusinessCriticality::wire).toList())
                            .repeat("platform", in.platform() == null ? null
                                    : in.platform().stream().map(Platform::wire).toList())
                            .repeat("lifecycle", in.lifecycle() == null ? null
                                    : in.lifecycle().stream().map(Lifecycle::wire).toList())
                            .set("external_audience", in.externalAudience())
                            .set("internet_accessible", in.internetAccessible())
                            .set("prod_type", in.productTypeId())
                            .csv("tags", in.tags());
                    return Listing.fetch(ctx, q, in.limit(), in.offset(), Product.class);
                });
    }

    static ToolSpec<ProductId, Product> getProductById() {
        return ToolSpec.named("get_product_by_id", ProductId.class)
                .title("Get a product")
                .description("One product by id: name, product type, business criticality, platform, lifecycle, "
                        + "exposure, owners and its number of active findings.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.PRODUCTS)
                .handler(Product.class, (ctx, in) -> ctx.dojo().get(Resource.PRODUCTS, in.productId(), Product.class));
    }

    static ToolSpec<GetProductTypes, Listing<ProductType>> getProductTypes() {
        return ToolSpec.named("get_product_types", GetProductTypes.class)
                .title("List product types")
                .description("Product types (DefectDojo 3 calls them organizations), which group products.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.PRODUCTS)
                .handler(Listing.class, new Type[] {ProductType.class}, (ctx, in) -> {
                    Query q = Query.on(Resource.PRODUCT_TYPES).set("name", in.name());
                    return Listing.fetch(ctx, q, in.limit(), in.offset(), ProductType.class);
                });
    }

    static ToolSpec<ProductTypeId, ProductType> getProductTypeById() {
        return ToolSpec.named("get_product_type_by_id", ProductTypeId.class)
                .title("Get a product type")
                .description("One product type by id: name, description and whether it holds critical or key products.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.PRODUCTS)
                .handler(ProductType.class,
                        (ctx, in) -> ctx.dojo().get(Resource.PRODUCT_TYPES, in.productTypeId(), ProductType.class));
    }

    static ToolSpec<GetEngagements, Listing<Engagement>> getEngagements() {
        return ToolSpec.named("get_engagements", GetEngagements.class)
                .title("List engagements")
                .description("Engagements: testing activities or CI/CD pipelines of a product over a period, "
                        + "filterable by product, product type, name, status, open/closed and tags.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.PRODUCTS)
                .handler(Listing.class, new Type[] {Engagement.class}, (ctx, in) -> {
                    Query q = Query.on(Resource.ENGAGEMENTS)
                            .set("product", in.productId())
                            .set("product__prod_type", in.productTypeId())
                            .set("name", in.name())
                            .set("status", in.status() == null ? null : in.status().wire())
                            .set("active", in.active())
                            .csv("tags", in.tags())
                            .set("o", in.orderBy());
                    return Listing.fetch(ctx, q, in.limit(), in.offset(), Engagement.class);
                });
    }

    static ToolSpec<EngagementId, Engagement> getEngagementById() {
        return ToolSpec.named("get_engagement_by_id", EngagementId.class)
                .title("Get an engagement")
                .description("One engagement by id: product, dates, status, type (Interactive or CI/CD), build, commit and branch.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.PRODUCTS)
                .handler(Engagement.class,
                        (ctx, in) -> ctx.dojo().get(Resource.ENGAGEMENTS, in.engagementId(), Engagement.class));
    }

    static ToolSpec<GetTests, Listing<Test>> getTests() {
        return ToolSpec.named("get_tests", GetTests.class)
                .title("List tests")
                .description("Tests: the results of one scanner run or manual test inside an engagement, "
                        + "filterable by engagement, test type, scan type, title and tags.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.PRODUCTS)
                .handler(Listing.class, new Type[] {Test.class}, (ctx, in) -> {
                    Query q = Query.on(Resource.TESTS)
                            .set("engagement", in.engagementId())
                            .set("test_type", in.testTypeId())
                            .set("scan_type", in.scanType())
                            .set("title", in.title())
                            .csv("tags", in.tags());
                    return Listing.fetch(ctx, q, in.limit(), in.offset(), Test.class);
                });
    }

    static ToolSpec<TestId, Test> getTestById() {
        return ToolSpec.named("get_test_by_id", TestId.class)
                .title("Get a test")
                .description("One test (a scanner run or manual test) by id: engagement, test type, scan type, dates, build and branch.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.PRODUCTS)
                .handler(Test.class, (ctx, in) -> ctx.dojo().get(Resource.TESTS, in.testId(), Test.class));
    }

    static ToolSpec<ListTestTypes, Listing<TestType>> listTestTypes() {
        return ToolSpec.named("list_test_types", ListTestTypes.class)
                .title("List test types")
                .description("Test types DefectDojo knows: every importable scan type and the manual test kinds. "
                        + "Their names are the valid scan_type values.")
                .permission(PermissionGroup.METADATA_READ).toolset(Toolset.PRODUCTS)
                .handler(Listing.class, new Type[] {TestType.class}, (ctx, in) -> {
                    Query q = Query.on(Resource.TEST_TYPES).set("name", in.name()).set("active", in.active());
                    return Listing.fetch(ctx, q, in.limit(), in.offset(), TestType.class);
                });
    }
}
