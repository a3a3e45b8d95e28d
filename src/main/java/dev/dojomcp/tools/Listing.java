package dev.dojomcp.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.defectdojo.Page;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One page of a list tool's results, with the paging facts a client needs to ask for the next one. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Listing<T>(
        @JsonPropertyDescription("Total number of matching objects in DefectDojo") long count,
        @JsonPropertyDescription("Page size used") int limit,
        @JsonPropertyDescription("Offset of the first result") int offset,
        @JsonPropertyDescription("True when more results follow this page") boolean hasMore,
        @JsonPropertyDescription("Offset to pass for the next page; absent on the last page") Integer nextOffset,
        List<T> results) implements TextRendering {

    public static <S, T> Listing<T> of(Page<S> page, Function<S, T> projection) {
        return new Listing<>(page.count(), page.limit(), page.offset(), page.hasMore(), page.nextOffset(),
                page.results().stream().map(projection).toList());
    }

    /** One page of a collection as-is, with the list tools' default page size of 100. */
    public static <T> Listing<T> fetch(ToolContext ctx, dev.dojomcp.defectdojo.Query query, Integer limit,
            Integer offset, Class<T> type) {
        return of(ctx.dojo().list(query, Args.orDefault(limit, 100), Args.orDefault(offset, 0), type), x -> x);
    }

    @Override
    public String asText() {
        StringBuilder sb = new StringBuilder();
        sb.append(count).append(" match");
        if (!results.isEmpty()) {
            sb.append("; showing ").append(offset + 1).append('-').append(offset + results.size());
        } else {
            sb.append("; none on this page");
        }
        if (hasMore) {
            sb.append("; next_offset=").append(nextOffset);
        }
        for (T item : results) {
            sb.append('\n').append("- ").append(item instanceof TextRendering t ? t.asText() : String.valueOf(item));
        }
        return sb.toString();
    }
}
