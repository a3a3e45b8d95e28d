package dev.dojomcp.tools;

/** A result that can describe itself in a few compact lines for the text content block. */
public interface TextRendering {
    String asText();
}
