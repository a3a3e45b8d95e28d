package dev.dojomcp.server;

import dev.dojomcp.audit.AuditLog;
import dev.dojomcp.audit.CallAuditor;
import dev.dojomcp.audit.SecurityAuditor;
import dev.dojomcp.security.SecurityEvents;
import dev.dojomcp.tools.CallAudit;
import java.util.Map;

/**
 * The runtime's audit stage, attached once the server is about to serve: {@code serve} first checks
 * DefectDojo (so a start-up error stays one line) and then opens the trail.
 */
final class AttachedAudit implements CallAudit, SecurityEvents {
    private volatile AuditLog log;
    private volatile CallAuditor calls;
    private volatile SecurityAuditor security;

    synchronized void attach(AuditLog audit) {
        if (log != null) {
            throw new IllegalStateException("an audit trail is already attached");
        }
        calls = new CallAuditor(audit);
        security = new SecurityAuditor(audit);
        log = audit;
    }

    AuditLog log() {
        return log;
    }

    SecurityAuditor security() {
        return security;
    }

    Map<String, Object> totals() {
        CallAuditor c = calls;
        return c == null ? Map.of() : c.totals();
    }

    @Override
    public void intent(Call call) {
        CallAuditor c = calls;
        if (c != null) {
            c.intent(call);
        }
    }

    @Override
    public void completed(Call call, Completion completion) {
        CallAuditor c = calls;
        if (c != null) {
            c.completed(call, completion);
        }
    }

    @Override
    public void authFailure(String remote, String reason) {
        SecurityAuditor s = security;
        if (s != null) {
            s.authFailure(remote, reason);
        }
    }

    @Override
    public void requestRefused(String remote, String reason) {
        SecurityAuditor s = security;
        if (s != null) {
            s.requestRefused(remote, reason);
        }
    }
}
