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
import dev.fluxo.pipeline.write.RowSink;

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

    /**
     * Transforms and writes one batch (one commit per table) and reports what was written. Each record is written as
     * soon as it is transformed, so the batch's decoded rows are never all held at once.
     */
    public BatchReport process(List<SourceRecord> records) {
        if (writer == null) {
            throw new IllegalStateException("this pipeline has no writer: build it with writer(...) to process batches");
        }
        try (LakehouseWriter.Batch batch = writer.open(clock.instant())) {
            Counts counts = each(records, batch.ingestedAt(), batch.rows());
            LakehouseWriter.Written written = batch.commit();
            if (written.deadLetters() != counts.decodeFailures + counts.invalid) {
                throw new IllegalStateException("wrote " + written.deadLetters() + " dead letters of "
                        + (counts.decodeFailures + counts.invalid));
            }
            return new BatchReport(records.size(), counts.ignored, written.bronze(), written.silver(),
                    counts.decodeFailures, written.deadLetters() - counts.decodeFailures);
        }
    }

    /** Decode, validate and mask without writing (no I/O): what {@link #process} would write. */
    public TransformedBatch transform(List<SourceRecord> records) {
        Instant receivedAt = clock.instant();
        List<BronzeRow> bronze = new ArrayList<>(records.size());
        List<CustomerChange> silver = new ArrayList<>(records.size());
        List<DeadLetter> deadLetters = new ArrayList<>();
        Counts counts = each(records, receivedAt, new RowSink(bronze::add, silver::add, deadLetters::add));
        return new TransformedBatch(records.size(), counts.ignored, bronze, silver, deadLetters, receivedAt);
    }

    /** Records that produced no bronze row, by cause. */
    private static final class Counts {
        int ignored;
        int decodeFailures;
        int invalid;
    }

    /** Decodes, validates and masks each record in turn and hands its rows on. */
    private Counts each(List<SourceRecord> records, Instant receivedAt, RowSink rows) {
        Counts counts = new Counts();
        for (SourceRecord record : records) {
            DecodeResult result;
            try {
                result = decoder.decode(record);
            } catch (RuntimeException e) {
                // Decoders do not throw for bad input; if one still does, the record is dead-lettered, not lost.
                result = new DecodeResult.DecodeFailure("decoder error: " + e, record.value());
            }
            if (result instanceof DecodeResult.Ignored) {
                counts.ignored++;
            } else if (result instanceof DecodeResult.DecodeFailure f) {
                counts.decodeFailures++;
                rows.deadLetter().accept(new DeadLetter(receivedAt, record.coordinates(), Stage.DECODE, f.reason(),
                        f.raw()));
            } else {
                CustomerChange change = ((DecodeResult.Decoded) result).change();
                rows.bronze().accept(new BronzeRow(change, record.coordinates(), record.value()));
                ValidationResult validation = validator.validate(change);
                if (validation instanceof ValidationResult.Valid v) {
                    rows.silver().accept(masker.maskForSilver(v.change()));
                } else {
                    counts.invalid++;
                    rows.deadLetter().accept(new DeadLetter(receivedAt, record.coordinates(), Stage.VALIDATE,
                            ((ValidationResult.Invalid) validation).reason(), record.value()));
                }
            }
        }
        return counts;
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
