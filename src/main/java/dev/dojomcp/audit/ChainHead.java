package dev.dojomcp.audit;

/** The last record of the chain: what the next record's {@code seq} and {@code prev} follow. */
public record ChainHead(long seq, String hmac, String keyId) {
    public static final String ZERO_HMAC = "0".repeat(64);
    public static final ChainHead GENESIS = new ChainHead(0, ZERO_HMAC, null);

    public boolean isGenesis() {
        return seq == 0;
    }
}
