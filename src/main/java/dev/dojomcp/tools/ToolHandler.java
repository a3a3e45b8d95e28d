package dev.dojomcp.tools;

@FunctionalInterface
public interface ToolHandler<I, O> {
    O handle(ToolContext context, I input);
}
