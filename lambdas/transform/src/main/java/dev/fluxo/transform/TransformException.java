package dev.fluxo.transform;

/** A batch could not be written to the lakehouse (catalog or storage failed); the event source retries it whole. */
public final class TransformException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransformException(String message, Throwable cause) {
        super(message, cause);
    }
}
