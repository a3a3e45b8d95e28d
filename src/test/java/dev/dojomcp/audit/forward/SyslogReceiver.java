package dev.dojomcp.audit.forward;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A loopback syslog receiver over TCP or TLS with an octet-counting parser (RFC 6587 §3.4.1 / RFC 5425). It can be
 * killed (server socket and connections closed), optionally forgetting what it received in the last moments, as a
 * receiver that crashed before storing them would, and started again on the same port.
 */
final class SyslogReceiver implements AutoCloseable {
    private static final Pattern RFC5424 = Pattern.compile(
            "<([0-9]{1,3})>1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (-|\\[.*?\\]) (.*)", Pattern.DOTALL);
    private static final Pattern SEQ = Pattern.compile("\"seq\":([0-9]+)");

    record Message(int pri, String timestamp, String host, String app, String procId, String msgId, String sd,
            String msg, int declaredLength, long receivedAt) {
        long seq() {
            Matcher m = SEQ.matcher(msg);
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
    }

    private final SSLContext tls;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private int port;
    volatile int accepted;

    SyslogReceiver(SSLContext tlsOrNull) {
        this.tls = tlsOrNull;
    }

    /** A port nobody listens on (yet): for a receiver that starts down. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    synchronized SyslogReceiver start(int wantedPort) throws IOException {
        ServerSocket s;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            s = tls != null ? tls.getServerSocketFactory().createServerSocket() : new ServerSocket();
            s.setReuseAddress(true);
            try {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort));
                break;
            } catch (java.net.BindException e) {
                // The killed connections linger (FIN_WAIT) until the sender notices and closes its side.
                s.close();
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        ServerSocket bound = s;
        port = bound.getLocalPort();
        server = bound;
        Thread t = new Thread(() -> acceptLoop(bound), "test-syslog-accept");
        t.setDaemon(true);
        t.start();
        return this;
    }

    SyslogReceiver start() throws IOException {
        return start(port);
    }

    int port() {
        return port;
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                accepted++;
                connections.add(c);
                Thread t = new Thread(() -> read(c), "test-syslog-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket c) {
        try (c; InputStream in = new BufferedInputStream(c.getInputStream())) {
            while (true) {
                int len = 0;
                int digits = 0;
                int b;
                while ((b = in.read()) != ' ') {
                    if (b < 0) {
                        if (digits > 0) {
                            errors.add("EOF inside a frame length");
                        }
                        return; // the sender closed: close too (the sender waits for this at shutdown)
                    }
                    if (b < '0' || b > '9' || ++digits > 7) {
                        errors.add("bad frame length");
                        return;
                    }
                    len = len * 10 + (b - '0');
                }
                byte[] msg = in.readNBytes(len);
                if (msg.length < len) {
                    errors.add("EOF inside a frame");
                    return;
                }
                String text = new String(msg, StandardCharsets.UTF_8);
                Matcher m = RFC5424.matcher(text);
                if (!m.matches()) {
                    errors.add("not RFC 5424: " + text);
                    continue;
                }
                messages.add(new Message(Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5),
                        m.group(6), m.group(7), m.group(8), len, System.nanoTime()));
            }
        } catch (IOException e) {
            // killed
        } finally {
            connections.remove(c);
        }
    }

    /** Closes the server socket and every connection; forgets messages received in the last {@code loseMillis}. */
    synchronized void kill(long loseMillis) throws IOException {
        server.close();
        for (Socket c : connections) {
            c.close();
        }
        long cut = System.nanoTime() - loseMillis * 1_000_000;
        messages.removeIf(m -> m.receivedAt() > cut);
    }

    List<Message> messages() {
        return new ArrayList<>(messages);
    }

    List<Long> seqs() {
        return messages.stream().map(Message::seq).toList();
    }

    Set<Long> distinctSeqs() {
        return new TreeSet<>(seqs());
    }

    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
        }
        for (Socket c : connections) {
            c.close();
        }
    }
}
