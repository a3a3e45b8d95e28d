package dev.dojomcp.audit;

/** One record as written: its place in the chain, its HMAC and its canonical line (without the newline). */
public record SealedRecord(long seq, String type, String hmac, String line) {
}
