package dev.fluxo.pipeline.decode;

/** Thrown inside a decoder for input it cannot read; the decoder turns it into a {@link DecodeResult.DecodeFailure}. */
final class MalformedRecord extends Exception {
    MalformedRecord(String reason) {
        // No stack trace: bad input is expected, and filling traces would cost more than decoding.
        super(reason, null, false, false);
    }
}
