package dev.dojomcp.defectdojo;

import java.util.function.Supplier;

/**
 * A ceiling on one caller's concurrent DefectDojo requests, applied around every request a client
 * sends. {@link #within} runs the request in a slot or throws when none frees up in time.
 */
public interface CallSlots {
    CallSlots UNLIMITED = new CallSlots() {
        @Override
        public <T> T within(Supplier<T> request, boolean write) {
            return request.get();
        }
    };

    /**
     * Runs {@code request} holding a slot. Without a slot in time: a read fails with
     * {@link DojoFailure#CALLER_BUSY}, a write with a not-sent
     * {@link DojoWriteException}, so the outcome stays certain.
     */
    <T> T within(Supplier<T> request, boolean write);
}
