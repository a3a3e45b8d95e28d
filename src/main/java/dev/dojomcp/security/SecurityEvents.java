package dev.dojomcp.security;

/** Security-relevant things that happen outside a tool call, for the audit trail. */
public interface SecurityEvents {
    SecurityEvents NONE = new SecurityEvents() {
        @Override
        public void authFailure(String remote, String reason) {
        }

        @Override
        public void requestRefused(String remote, String reason) {
        }
    };

    /** A request to the MCP endpoint without a valid credential. */
    void authFailure(String remote, String reason);

    /** A request refused for its Origin/Host, or a session presented by a caller that did not create it. */
    void requestRefused(String remote, String reason);
}
