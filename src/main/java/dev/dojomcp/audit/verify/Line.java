package dev.dojomcp.audit.verify;

/**
 * One line of a file as bytes, without its newline.
 *
 * @param number 1-based line number
 * @param end offset just after the line (and its newline)
 * @param terminated whether a {@code \n} ended it
 * @param tooLong longer than {@link LineReader#MAX_LINE}; {@code bytes} is then empty
 */
record Line(int fileIndex, long number, long end, byte[] bytes, boolean terminated, boolean tooLong) {
}
