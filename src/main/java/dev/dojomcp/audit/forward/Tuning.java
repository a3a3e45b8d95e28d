package dev.dojomcp.audit.forward;

import java.time.Duration;

/**
 * Timings of the forwarders; {@link #DEFAULT} in production, shorter ones in tests.
 *
 * @param poll            how often the file is read without a {@link AuditForwarders#wake()}
 * @param initialBackoff  wait after the first failed delivery, doubled (with jitter) per further failure ...
 * @param maxBackoff      ... up to this
 * @param breakerFailures consecutive failures that open the circuit breaker (and report the outage)
 * @param breakerOpen     how long the breaker stays open before one probe delivery is let through
 * @param settle          TCP/TLS syslog: how long a sent record stays in the resend window (see {@link SyslogSink})
 * @param maxWindow       TCP/TLS syslog: at most this many unsettled records; reading pauses when it is full
 * @param connectTimeout  connect and TLS handshake
 * @param ioTimeout       one write or HTTP exchange
 * @param persistEvery    at most one cursor write per this interval (and one at close)
 */
record Tuning(Duration poll, Duration initialBackoff, Duration maxBackoff, int breakerFailures, Duration breakerOpen,
        Duration settle, int maxWindow, Duration connectTimeout, Duration ioTimeout, Duration persistEvery) {

    static final Tuning DEFAULT = new Tuning(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(60), 5,
            Duration.ofSeconds(30), Duration.ofSeconds(30), 100_000, Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(1));
}
