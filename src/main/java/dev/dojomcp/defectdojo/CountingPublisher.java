package dev.dojomcp.defectdojo;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/** A fixed-length body that reports progress as the HTTP client pulls its buffers. */
final class CountingPublisher implements HttpRequest.BodyPublisher {
    private final HttpRequest.BodyPublisher delegate;
    private final long length;
    private final UploadProgress progress;

    CountingPublisher(byte[] body, UploadProgress progress) {
        this.delegate = HttpRequest.BodyPublishers.ofByteArray(body);
        this.length = body.length;
        this.progress = progress;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        delegate.subscribe(new Flow.Subscriber<ByteBuffer>() {
            private long sent;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                sent += item.remaining();
                subscriber.onNext(item);
                progress.sent(sent, length);
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }
}
