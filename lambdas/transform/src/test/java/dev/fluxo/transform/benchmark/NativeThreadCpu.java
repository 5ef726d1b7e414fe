package dev.fluxo.transform.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this process's JIT compiler and garbage collector threads, read from Linux's {@code /proc/self/task}
 * (the JVM's own threads are invisible to {@code ThreadMXBean}). Lets the comparison say how much of a path's CPU was
 * compiling code, which a long-running function stops paying once its code is compiled.
 */
final class NativeThreadCpu {
    /** What a thread does, from the name the JVM gives it. */
    enum Kind { JIT, GC, OTHER }

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux reports thread CPU in clock ticks; 100 per second on every common kernel configuration. */
    private static final double TICKS_PER_SECOND = 100.0;

    private NativeThreadCpu() {
    }

    /** Whether this platform reports per-thread CPU this way (Linux only). */
    static boolean available() {
        return Files.isDirectory(TASKS);
    }

    /** CPU seconds so far of the live threads of each kind. */
    static Map<Kind, Double> snapshot() {
        Map<Kind, Double> cpu = new HashMap<>();
        if (!available()) {
            return cpu;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close);
                    // fields after the name: state is field 3, utime field 14, stime field 15
                    String[] fields = stat.substring(close + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    cpu.merge(kind(name), seconds, Double::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while listing
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TASKS + ": " + e.getMessage(), e);
        }
        return cpu;
    }

    static Kind kind(String threadName) {
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
            return Kind.JIT;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return Kind.GC;
        }
        return Kind.OTHER;
    }
}
