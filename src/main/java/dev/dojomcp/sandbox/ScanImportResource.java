package dev.dojomcp.sandbox;

import java.util.List;
import java.util.function.Function;

/** {@code import-scan/} and {@code reimport-scan/}: POST only, on the collection path. */
final class ScanImportResource implements Resource {
    private final String prefix;
    private final Function<ApiRequest, ApiResponse> handler;

    ScanImportResource(String prefix, Function<ApiRequest, ApiResponse> handler) {
        this.prefix = prefix;
        this.handler = handler;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public ApiResponse handle(ApiRequest request, List<String> rest) {
        if (!rest.isEmpty()) {
            throw ApiError.notFound();
        }
        if (!request.method().equals("POST")) {
            throw ApiError.methodNotAllowed(request.method());
        }
        return handler.apply(request);
    }
}
