package dev.dojomcp.sandbox;

import java.util.List;

/**
 * One router prefix such as {@code findings}. {@code rest} holds the path segments after the prefix
 * (empty for the collection, [id] for a detail, [id, action] for detail actions). Write methods are added
 * per resource by overriding {@link #handle}; the default answers reads only.
 */
interface Resource {
    String prefix();

    ApiResponse handle(ApiRequest request, List<String> rest);
}
