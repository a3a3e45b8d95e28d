package dev.dojomcp.audit.forward;

/**
 * A place in the audit trail: just after the record {@code seq}, which ends at byte {@code offset} of the file whose
 * identity ({@code BasicFileAttributes.fileKey()}, e.g. device and inode) is {@code fileKey}. {@link #START} is
 * before everything (no record delivered yet).
 */
record Position(long seq, String fileKey, long offset) {
    static final Position START = new Position(-1, null, 0);

    boolean isStart() {
        return seq < 0;
    }
}
