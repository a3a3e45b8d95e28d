package dev.dojomcp.defectdojo;

/** Told how much of a request body has been handed to the network so far. */
@FunctionalInterface
public interface UploadProgress {
    UploadProgress NONE = (sent, total) -> { };

    void sent(long bytes, long total);
}
