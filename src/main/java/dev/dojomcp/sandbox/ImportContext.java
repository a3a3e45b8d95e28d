package dev.dojomcp.sandbox;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * Finds (or, with {@code auto_create_context}, creates) the product type, product and engagement an import
 * targets, in DefectDojo's order: by id, else by names, naming the first missing piece (§8).
 */
final class ImportContext {
    private final SandboxStore store;
    private final ImportForm form;
    private final long now;
    private final LocalDate today;

    ImportContext(SandboxStore store, ImportForm form, long now, LocalDate today) {
        this.store = store;
        this.form = form;
        this.now = now;
        this.today = today;
    }

    EngagementRecord engagementForImport() {
        Integer id = form.integer("engagement");
        if (id != null) {
            EngagementRecord e = store.engagements.get(id);
            if (e == null) {
                throw new ImportRejected("Engagement \"" + id + "\" does not exist");
            }
            return e;
        }
        return engagementByName();
    }

    /** The test a reimport targets, or null when auto_create_context allows a fresh import instead. */
    TestRecord testForReimport() {
        Integer id = form.integer("test");
        if (id != null) {
            TestRecord t = store.tests.get(id);
            if (t == null) {
                throw new ImportRejected("Test \"" + id + "\" does not exist");
            }
            return t;
        }
        EngagementRecord e = engagementByName();
        String scanType = form.text("scan_type");
        String title = form.text("test_title");
        TestRecord test = store.tests.values().stream()
                .filter(t -> t.engagement() == e.id() && scanType.equals(t.scanType()))
                .filter(t -> title == null || title.equals(t.title()))
                .max(Comparator.comparingInt(TestRecord::id)).orElse(null);
        if (test == null && !form.bool("auto_create_context", false)) {
            throw new ImportRejected("Test with scan_type \"" + scanType + "\" does not exist in Engagement \""
                    + e.name() + "\"");
        }
        return test;
    }

    private EngagementRecord engagementByName() {
        String productName = form.text("product_name");
        if (productName == null) {
            throw new ImportRejected("product_name parameter missing");
        }
        String engagementName = form.text("engagement_name");
        if (engagementName == null) {
            throw new ImportRejected("engagement_name parameter missing");
        }
        boolean autoCreate = form.bool("auto_create_context", false);
        String typeName = form.text("product_type_name");
        ProductRecord product = store.products.values().stream().filter(p -> p.name().equals(productName))
                .findFirst().orElse(null);
        if (product != null && typeName != null) {
            ProductTypeRecord type = store.productTypes.get(product.prodType());
            if (type == null || !type.name().equals(typeName)) {
                // 400 per the reference; the text is the sandbox's own.
                throw new ImportRejected("Product \"" + productName + "\" does not belong to Product Type \""
                        + typeName + "\"");
            }
        }
        if (product == null) {
            if (!autoCreate) {
                throw new ImportRejected("Product \"" + productName + "\" does not exist");
            }
            product = createProduct(productName, typeName);
        }
        int productId = product.id();
        EngagementRecord engagement = store.engagements.values().stream()
                .filter(e -> e.product() == productId && engagementName.equals(e.name()))
                .max(Comparator.comparingInt(EngagementRecord::id)).orElse(null);
        if (engagement == null) {
            if (!autoCreate) {
                throw new ImportRejected("Engagement \"" + engagementName + "\" does not exist in Product \""
                        + productName + "\"");
            }
            engagement = createEngagement(productId, engagementName);
        }
        return engagement;
    }

    private ProductRecord createProduct(String name, String typeName) {
        if (typeName == null) {
            // Auto-creating a product needs its type; the exact DefectDojo text is not in the reference.
            throw new ImportRejected("product_type_name parameter missing");
        }
        ProductTypeRecord type = store.productTypes.values().stream().filter(t -> t.name().equals(typeName))
                .findFirst().orElse(null);
        if (type == null) {
            type = new ProductTypeRecord(SandboxStore.nextId(store.productTypes), typeName, null, false, false,
                    now, now);
            store.productTypes.put(type.id(), type);
        }
        ProductRecord product = new ProductRecord(SandboxStore.nextId(store.products), name, name, type.id(), null,
                null, null, null, null, null, false, false, FindingRecord.NO_ID, FindingRecord.NO_ID,
                FindingRecord.NO_ID, 1, FindingRecord.NO_STRINGS, now, now, null, 0, false, true,
                FindingRecord.NO_IDS);
        store.products.put(product.id(), product);
        return product;
    }

    /** CI/CD engagement over a 365-day window unless engagement_end_date is given and not in the past. */
    private EngagementRecord createEngagement(int productId, String name) {
        int start = (int) today.toEpochDay();
        Integer requestedEnd = form.date("engagement_end_date");
        int end = requestedEnd == null || requestedEnd < start ? start + 365 : requestedEnd;
        EngagementRecord e = new EngagementRecord(SandboxStore.nextId(store.engagements), name, null, null,
                productId, start, end, "In Progress", true, "CI/CD", FindingRecord.NO_ID, null, null, null,
                form.text("source_code_management_uri"), form.bool("deduplication_on_engagement", false),
                false, false, false, false, FindingRecord.NO_STRINGS, FindingRecord.NO_IDS, now, now, null, null,
                false, null, null, null, FindingRecord.NO_DAY);
        store.engagements.put(e.id(), e);
        return e;
    }
}
