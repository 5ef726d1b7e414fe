package dev.fluxo.producer;

/** A batch could not be produced; the message says where and why, without credentials. */
public class ProducerException extends RuntimeException {
    public ProducerException(String message, Throwable cause) {
        super(message, cause);
    }
}
