package dev.fluxo.local;

/**
 * A problem the user can act on (missing prerequisite, port in use, another run holding the directory): the command
 * line prints its message alone, without a stack trace.
 */
public class LocalException extends RuntimeException {
    public LocalException(String message) {
        super(message);
    }

    public LocalException(String message, Throwable cause) {
        super(message, cause);
    }
}
