package dev.dojomcp.imports.qai;

/**
 * A qai report that cannot be converted. The message is safe to show to the client: it names what is wrong and
 * where (findings by their zero-based index in the report's {@code findings} list) but never repeats report
 * content, which may come from the scanned server. No cause is attached for the same reason: parser messages
 * quote the offending input.
 */
public class QaiFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QaiFormatException(String message) {
        super(message);
    }
}
