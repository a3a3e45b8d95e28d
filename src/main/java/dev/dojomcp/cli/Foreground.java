package dev.dojomcp.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a long-running command (HTTP server, demo) in the foreground until the process is told to stop. */
final class Foreground {
    private Foreground() {
    }

    static void untilShutdown() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
    }
}
