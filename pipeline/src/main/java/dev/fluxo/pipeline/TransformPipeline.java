package dev.fluxo.pipeline;

import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.deadletter.DeadLetter;
import dev.fluxo.pipeline.deadletter.Stage;
import dev.fluxo.pipeline.decode.ChangeDecoder;
import dev.fluxo.pipeline.decode.DecodeResult;
import dev.fluxo.pipeline.decode.SourceRecord;
import dev.fluxo.pipeline.mask.PiiMasker;
import dev.fluxo.pipeline.validate.ChangeValidator;
import dev.fluxo.pipeline.validate.ValidationResult;
import dev.fluxo.pipeline.write.BronzeRow;
import dev.fluxo.pipeline.write.LakehouseWriter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decode → validate → mask → write, for one batch of records: what the transform Lambda and the local poller call.
 * Bad records never fail the batch: they become dead letters with the reason. Only infrastructure errors (catalog or
 * storage unreachable, commit conflicts that do not resolve) throw, so the caller's retry replays the whole batch.
 *
 * <pre>{@code
 * var pipeline = TransformPipeline.builder()
 *         .decoder(EnvelopeFormat.DEBEZIUM_JSON.decoder(DecoderOptions.defaults()))
 *         .masker(new PiiMasker(MaskingKey.of(keyBytes), MaskingPolicy.defaults()))
 *         .writer(new LakehouseWriter(CatalogFactory.create(System.getenv())))
 *         .build();
 * BatchReport report = pipeline.process(records).assertReconciled();
 * }</pre>
 */
public final class TransformPipeline {
    private final ChangeDecoder decoder;
    private final ChangeValidator validator;
    private final PiiMasker masker;
    private final LakehouseWriter writer;
    private final Clock clock;

    private TransformPipeline(Builder b) {
        this.decoder = Objects.requireNonNull(b.decoder, "decoder is required");
        this.masker = Objects.requireNonNull(b.masker, "masker is required");
        this.validator = b.validator;
        this.writer = b.writer;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Transforms and writes one batch (one commit per table) and reports what was written. */
    public BatchReport process(List<SourceRecord> records) {
        if (writer == null) {
            throw new IllegalStateException("this pipeline has no writer: build it with writer(...) to process batches");
        }
        TransformedBatch batch = transform(records);
        LakehouseWriter.Written written = writer.write(batch.bronze(), batch.silver(), batch.deadLetters(),
                batch.receivedAt());
        int decodeFailures = batch.count(Stage.DECODE);
        if (written.deadLetters() != batch.deadLetters().size()) {
            throw new IllegalStateException("wrote " + written.deadLetters() + " dead letters of "
                    + batch.deadLetters().size());
        }
        return new BatchReport(batch.received(), batch.ignored(), written.bronze(), written.silver(), decodeFailures,
                written.deadLetters() - decodeFailures);
    }

    /** Decode, validate and mask without writing (no I/O): what {@link #process} would write. */
    public TransformedBatch transform(List<SourceRecord> records) {
        Instant receivedAt = clock.instant();
        List<BronzeRow> bronze = new ArrayList<>(records.size());
        List<CustomerChange> silver = new ArrayList<>(records.size());
        List<DeadLetter> deadLetters = new ArrayList<>();
        int ignored = 0;
        for (SourceRecord record : records) {
            DecodeResult result;
            try {
                result = decoder.decode(record);
            } catch (RuntimeException e) {
                // Decoders do not throw for bad input; if one still does, the record is dead-lettered, not lost.
                result = new DecodeResult.DecodeFailure("decoder error: " + e, record.value());
            }
            if (result instanceof DecodeResult.Ignored) {
                ignored++;
            } else if (result instanceof DecodeResult.DecodeFailure f) {
                deadLetters.add(new DeadLetter(receivedAt, record.coordinates(), Stage.DECODE, f.reason(), f.raw()));
            } else {
                CustomerChange change = ((DecodeResult.Decoded) result).change();
                bronze.add(new BronzeRow(change, record.coordinates(), record.value()));
                ValidationResult validation = validator.validate(change);
                if (validation instanceof ValidationResult.Valid v) {
                    silver.add(masker.maskForSilver(v.change()));
                } else {
                    deadLetters.add(new DeadLetter(receivedAt, record.coordinates(), Stage.VALIDATE,
                            ((ValidationResult.Invalid) validation).reason(), record.value()));
                }
            }
        }
        return new TransformedBatch(records.size(), ignored, bronze, silver, deadLetters, receivedAt);
    }

    /** Builds a pipeline. Decoder and masker are required; the writer only for {@link #process}. */
    public static final class Builder {
        private ChangeDecoder decoder;
        private ChangeValidator validator = new ChangeValidator();
        private PiiMasker masker;
        private LakehouseWriter writer;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder decoder(ChangeDecoder value) {
            this.decoder = value;
            return this;
        }

        /** Default: {@code new ChangeValidator()}, the current schema version only. */
        public Builder validator(ChangeValidator value) {
            this.validator = Objects.requireNonNull(value, "validator");
            return this;
        }

        public Builder masker(PiiMasker value) {
            this.masker = value;
            return this;
        }

        public Builder writer(LakehouseWriter value) {
            this.writer = value;
            return this;
        }

        /** Default: the system clock in UTC. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public TransformPipeline build() {
            return new TransformPipeline(this);
        }
    }
}
