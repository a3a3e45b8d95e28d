package dev.dojomcp.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import serializers' own checks, in DRF's order: field errors first (all of them in one 400), then the
 * serializer's {@code validate()} (the report file a scan type needs). The context (product, engagement, test)
 * is checked afterwards by {@link ImportContext}.
 */
final class ImportFormRules {
    private ImportFormRules() {
    }

    static void check(ImportForm form, SandboxStore store) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String scanType = form.raw().first("scan_type");
        if (scanType == null) {
            errors.put("scan_type", List.of(RequestFields.REQUIRED));
        } else if (!ScanTypes.isValid(store, scanType)) {
            // DRF ChoiceField wording; DefectDojo's choices are the registered names minus inactive test types.
            errors.put("scan_type", List.of(invalidChoice(scanType)));
        }
        String minimum = form.text("minimum_severity"); // blank means the default, Info
        if (minimum != null && !FindingWriter.SEVERITIES.contains(minimum)) {
            errors.put("minimum_severity", List.of(invalidChoice(minimum)));
        }
        MultipartForm.FilePart file = ImportFiles.report(form);
        if (file == null && form.raw().has("file")) {
            // A plain form field instead of a file part (DRF FileField's "invalid" message).
            errors.put("file", List.of("The submitted data was not a file. Check the encoding type on the form."));
        } else if (file != null && ImportFiles.extensionError(file.filename()) != null) {
            errors.put("file", List.of(ImportFiles.extensionError(file.filename())));
        }
        if (!errors.isEmpty()) {
            throw ApiError.validation(errors);
        }
        if (file == null && ScanTypes.requiresFile(scanType)) {
            throw ApiError.validation(Map.of("non_field_errors",
                    List.of("Uploading a Report File is required for " + scanType)));
        }
    }

    private static String invalidChoice(String value) {
        return "\"" + value + "\" is not a valid choice.";
    }
}
