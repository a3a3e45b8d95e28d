package dev.dojomcp.audit.forward;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback UDP syslog receiver: one message per datagram. */
final class UdpReceiver implements AutoCloseable {
    private final DatagramSocket socket;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    UdpReceiver() throws Exception {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65_535];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    messages.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                } catch (Exception e) {
                    return;
                }
            }
        }, "test-syslog-udp");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<String> messages() {
        return new ArrayList<>(messages);
    }

    @Override
    public void close() {
        socket.close();
    }
}
