package dev.fluxo.pipeline.benchmark;

import dev.fluxo.pipeline.TransformPipeline;
import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.decode.ChangeDecoder;
import dev.fluxo.pipeline.decode.DecodeResult;
import dev.fluxo.pipeline.decode.DecoderOptions;
import dev.fluxo.pipeline.decode.SourceRecord;
import dev.fluxo.pipeline.mask.MaskingKey;
import dev.fluxo.pipeline.mask.MaskingPolicy;
import dev.fluxo.pipeline.mask.PiiMasker;
import dev.fluxo.pipeline.testing.CustomerEvents;
import dev.fluxo.pipeline.validate.ChangeValidator;
import dev.fluxo.pipeline.validate.ValidationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Changes per second on one core for the CPU part of the transform (decode + validate + mask), on realistic Debezium
 * events (no embedded schema) generated from a fixed seed. Not part of the test phase; run with
 * {@code mvn -B -o -pl pipeline -Pbenchmark test-compile exec:exec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class TransformBenchmark {
    /** Events per batch invocation, as a Lambda batch of Kafka records might hold. */
    static final int BATCH = 1000;
    static final long SEED = 42;

    private final ChangeDecoder decoder = ChangeDecoder.debezium(DecoderOptions.defaults());
    private final ChangeValidator validator = new ChangeValidator();
    private final PiiMasker masker = new PiiMasker(MaskingKey.of(new byte[32]), MaskingPolicy.defaults());
    private final TransformPipeline pipeline = TransformPipeline.builder().decoder(decoder).masker(masker).build();
    /** {@code full}: Debezium 3.6's exact shape (~700 B); {@code compact}: without ts_us/ts_ns/xmin (~560 B). */
    @Param({"compact", "full"})
    public String shape;

    private List<SourceRecord> records;
    private int next;

    /** 10k events: 80% creates, 15% updates, 5% deletes (with a before image). */
    public static List<SourceRecord> events(boolean compact) {
        CustomerEvents events = new CustomerEvents(SEED, compact);
        Instant t = Instant.parse("2026-11-23T10:00:00.000001Z");
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Instant commit = t.plusMillis(i * 37L);
            int kind = i % 20;
            byte[] value;
            if (kind < 16) {
                value = events.create(i, commit);
            } else if (kind < 19) {
                Customer before = events.customer(i, commit.minusSeconds(60));
                value = events.event("u", null, new Customer(before.id(), before.nome(), before.sexo(),
                        before.endereco(), before.telefone(), before.email(), before.foto(), "Gerente", commit), commit);
            } else {
                value = events.event("d", events.customer(i, commit.minusSeconds(60)), null, commit);
            }
            out.add(SourceRecord.of(null, value, "fluxo.public.customers/0/" + i));
        }
        return out;
    }

    @Setup
    public void setup() {
        records = events("compact".equals(shape));
        double mean = records.stream().mapToInt(SourceRecord::size).average().orElseThrow();
        System.out.printf("%n%d events, mean %.0f bytes%n", records.size(), mean);
    }

    private SourceRecord nextRecord() {
        SourceRecord r = records.get(next);
        next = next + 1 == records.size() ? 0 : next + 1;
        return r;
    }

    /** Decode only. */
    @Benchmark
    public DecodeResult decode() {
        return decoder.decode(nextRecord());
    }

    /** Decode + validate + mask of one event: the per-change CPU cost of the transform. */
    @Benchmark
    public Object decodeValidateMask() {
        DecodeResult r = decoder.decode(nextRecord());
        if (r instanceof DecodeResult.Decoded d
                && validator.validate(d.change()) instanceof ValidationResult.Valid v) {
            return masker.maskForSilver(v.change());
        }
        return r;
    }

    /** {@link TransformPipeline#transform} of a batch of {@value #BATCH} records (no I/O); score is per record. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object transformBatch() {
        int from = next;
        next = (next + BATCH) % records.size();
        return pipeline.transform(records.subList(from, from + BATCH));
    }
}
