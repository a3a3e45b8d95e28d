package dev.dojomcp.audit.forward;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * RFC 5424 messages: {@code <PRI>1 TIMESTAMP HOSTNAME dojo-mcp PROCID MSGID - MSG}, facility local0, MSGID the
 * record's {@code type}, MSG the audit line exactly as in the file (no BOM: receivers treat the JSON as text either
 * way, and a BOM would change the bytes a receiver may compare with the file). TIMESTAMP is the record's own
 * {@code time}, so a record sent twice is the same message twice. Octet-counting framing (RFC 6587 §3.4.1,
 * RFC 5425 §4.3): {@code MSG-LEN SP SYSLOG-MSG}.
 */
final class SyslogFormat {
    static final int FACILITY_LOCAL0 = 16;
    static final int WARNING = 4;
    static final int INFO = 6;
    static final String APP_NAME = "dojo-mcp";
    private static final Pattern RFC3339 = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})");
    private static final Pattern MSGID = Pattern.compile("[!-~]{1,32}");

    private final String hostname;
    private final String procId;

    SyslogFormat(String hostname, long pid) {
        this.hostname = hostname == null || !hostname.matches("[!-~]{1,255}") ? "-" : hostname;
        this.procId = Long.toString(pid);
    }

    static SyslogFormat local() {
        return new SyslogFormat(localHostName(), ProcessHandle.current().pid());
    }

    /** warning for security records and refused tool calls, info otherwise. */
    static int severity(AuditRecord r) {
        if ("security".equals(r.type())) {
            return WARNING;
        }
        if ("tool_call".equals(r.type()) && ("denied".equals(r.outcome()) || "rate_limited".equals(r.outcome()))) {
            return WARNING;
        }
        return INFO;
    }

    byte[] message(AuditRecord r) {
        String time = r.time() != null && RFC3339.matcher(r.time()).matches() ? r.time()
                : Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String msgId = r.type() != null && MSGID.matcher(r.type()).matches() ? r.type() : "-";
        String header = "<" + (FACILITY_LOCAL0 * 8 + severity(r)) + ">1 " + time + " " + hostname + " " + APP_NAME
                + " " + procId + " " + msgId + " - ";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + r.line().length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(r.line(), 0, out, head.length, r.line().length);
        return out;
    }

    /** {@code MSG-LEN SP SYSLOG-MSG}. */
    static void frame(byte[] message, ByteArrayOutputStream out) {
        out.writeBytes((message.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(message);
    }

    private static String localHostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && env.matches("[!-~]{1,255}")) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "-";
        }
    }
}
