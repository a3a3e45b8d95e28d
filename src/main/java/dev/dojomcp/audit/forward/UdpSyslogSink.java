package dev.dojomcp.audit.forward;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over UDP (RFC 5426): one datagram per message, best effort. A datagram that is sent counts as delivered,
 * whether or not anyone receives it: the at-least-once promise holds for TCP, TLS and HTTPS only.
 */
final class UdpSyslogSink implements Sink {
    private static final Logger LOG = LoggerFactory.getLogger(UdpSyslogSink.class);
    /** The largest UDP payload over IPv4. */
    static final int MAX_DATAGRAM = 65_507;

    private final ForwardSettings.Syslog target;
    private final SyslogFormat format;
    private volatile DatagramSocket socket;
    private InetSocketAddress address;

    UdpSyslogSink(ForwardSettings.Syslog target, SyslogFormat format) {
        this.target = target;
        this.format = format;
    }

    @Override
    public String name() {
        return "syslog";
    }

    @Override
    public int maxBatch() {
        return 256;
    }

    @Override
    public long flushNanos() {
        return 0;
    }

    @Override
    public boolean acknowledged() {
        return true;
    }

    @Override
    public void send(List<AuditRecord> batch) throws IOException {
        if (socket == null) {
            InetSocketAddress a = new InetSocketAddress(target.host(), target.port());
            if (a.isUnresolved()) {
                throw new java.net.UnknownHostException("syslog host cannot be resolved");
            }
            address = a;
            socket = new DatagramSocket();
        }
        for (AuditRecord r : batch) {
            byte[] m = format.message(r);
            if (m.length > MAX_DATAGRAM) {
                LOG.warn("audit forwarding: record seq {} is {} bytes, too long for a UDP datagram; not sent", r.seq(),
                        m.length);
                continue;
            }
            socket.send(new DatagramPacket(m, m.length, address));
        }
    }

    @Override
    public void disconnect() {
        DatagramSocket s = socket;
        socket = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void abort() {
        disconnect();
    }
}
