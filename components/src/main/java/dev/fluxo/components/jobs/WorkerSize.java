package dev.fluxo.components.jobs;

import java.util.Map;
import java.util.Optional;

/**
 * The size of each Spark worker (driver and executors) of an EMR Serverless run, as the {@code spark-submit}
 * configuration that asks for it. EMR Serverless bills whole workers, so a job that merges a few changes on a small
 * worker costs a fraction of the defaults (4 vCPU / 16 GB per worker).
 *
 * @param vcpu     vCPUs per worker: 1, 2, 4, 8 or 16
 * @param memoryGb memory per worker in GB, within the range EMR Serverless allows for that many vCPUs
 */
public record WorkerSize(int vcpu, int memoryGb) {
    /** EMR Serverless' own defaults for Spark workers. */
    public static final WorkerSize EMR_DEFAULT = new WorkerSize(4, 16);
    /** Memory Spark keeps outside the heap per JVM, at least this many MB (its own minimum overhead). */
    static final int MIN_OVERHEAD_MB = 384;
    /** The memory range (GB) EMR Serverless accepts per vCPU count. */
    private static final Map<Integer, int[]> MEMORY_RANGES = Map.of(
            1, new int[]{2, 8}, 2, new int[]{4, 16}, 4, new int[]{8, 30}, 8, new int[]{16, 60}, 16, new int[]{32, 120});

    /** What is wrong with this size, if anything. */
    public Optional<String> problem() {
        var range = MEMORY_RANGES.get(vcpu);
        if (range == null) {
            return Optional.of("worker vCPU must be one of 1, 2, 4, 8, 16, was " + vcpu);
        }
        if (memoryGb < range[0] || memoryGb > range[1]) {
            return Optional.of("a " + vcpu + "-vCPU worker takes " + range[0] + " to " + range[1] + " GB, was "
                    + memoryGb);
        }
        return Optional.empty();
    }

    /** The heap each Spark JVM asks for, leaving its memory overhead inside the worker. */
    public int sparkMemoryMb() {
        var total = memoryGb * 1024;
        return Math.min((int) (total / 1.1), total - MIN_OVERHEAD_MB);
    }

    /**
     * The worker size (GB) EMR Serverless gives a Spark JVM asking for {@code heapMb}: the heap plus its overhead
     * (10%, at least {@value #MIN_OVERHEAD_MB} MB), rounded up. The inverse of {@link #sparkMemoryMb()}.
     */
    public static int workerMemoryGb(double heapMb) {
        return (int) Math.ceil((heapMb + Math.max(MIN_OVERHEAD_MB, heapMb * 0.1)) / 1024);
    }

    /** {@code --conf} parameters for driver and executors. */
    public String sparkSubmitParameters() {
        return String.format("--conf spark.driver.cores=%1$d --conf spark.driver.memory=%2$dm "
                + "--conf spark.executor.cores=%1$d --conf spark.executor.memory=%2$dm", vcpu, sparkMemoryMb());
    }
}
