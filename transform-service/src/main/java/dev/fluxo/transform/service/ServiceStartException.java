package dev.fluxo.transform.service;

/** The service's settings were valid but a part of it could not start (the Kafka consumer, the health port). */
public final class ServiceStartException extends RuntimeException {
    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
