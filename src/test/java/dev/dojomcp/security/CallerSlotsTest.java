package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dojomcp.defectdojo.CallSlots;
import dev.dojomcp.defectdojo.DojoException;
import dev.dojomcp.defectdojo.DojoFailure;
import dev.dojomcp.defectdojo.DojoWriteException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallerSlotsTest {
    @Test
    void oneCallersCeiling_refusesItsNextRequest_withoutTouchingOtherCallers() throws Exception {
        CallerSlots slots = new CallerSlots(2, Duration.ofMillis(200));
        Caller agent = Caller.service("agent", Role.WRITER);
        CallSlots mine = slots.forCaller(agent);
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                pool.submit(() -> mine.within(() -> {
                    holding.countDown();
                    try {
                        return release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }, false));
            }
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> slots.forCaller(agent).within(() -> "read", false))
                    .isInstanceOfSatisfying(DojoException.class, e -> assertThat(e.failure())
                            .isEqualTo(DojoFailure.CALLER_BUSY));
            assertThatThrownBy(() -> mine.within(() -> "write", true))
                    .isInstanceOfSatisfying(DojoWriteException.class, e -> assertThat(e.kind())
                            .isEqualTo(DojoWriteException.Kind.NOT_SENT));
            assertThat(slots.forCaller(Caller.service("someone-else", Role.READER)).within(() -> "ok", false))
                    .isEqualTo("ok");
            release.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(mine.within(() -> "free again", false)).isEqualTo("free again");
    }
}
