package dev.dojomcp.audit.forward;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event; optionally writes each one to the trail, as the real audit writer does. */
final class RecordingEvents implements ForwarderEvents {
    record Event(String kind, String sink, String detail, long a, long b) {
    }

    final List<Event> all = new CopyOnWriteArrayList<>();
    private final TestTrail writeTo;

    RecordingEvents(TestTrail writeToOrNull) {
        this.writeTo = writeToOrNull;
    }

    @Override
    public void deliveryFailed(String sink, String errorClass, long pendingFromSeq) {
        all.add(new Event("failed", sink, errorClass, pendingFromSeq, 0));
        write("\"error\":\"" + errorClass + "\",\"event\":\"delivery_failed\",\"pending_from_seq\":" + pendingFromSeq
                + ",\"sink\":\"" + sink + "\"");
    }

    @Override
    public void deliveryRestored(String sink, long deliveredThroughSeq) {
        all.add(new Event("restored", sink, null, deliveredThroughSeq, 0));
        write("\"event\":\"delivery_restored\",\"sink\":\"" + sink + "\"");
    }

    @Override
    public void gap(String sink, long fromSeq, long toSeq) {
        all.add(new Event("gap", sink, null, fromSeq, toSeq));
    }

    List<Event> of(String kind) {
        return all.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    private void write(String fields) {
        if (writeTo != null) {
            try {
                writeTo.appendRecord("forwarder", fields);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
