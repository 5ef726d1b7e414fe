package dev.fluxo.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code local up} per state directory: its pid in {@code fluxo-local.pid}, and the pids of the processes it
 * started outside its own JVM (PostgreSQL, the Spark job, Trino) in {@code children.pids}. If a run died without
 * stopping them (killed, machine sleep), the next run stops those orphans before it starts anything.
 */
public final class RunLock implements AutoCloseable {
    /** How long an orphan gets to stop after SIGTERM/SIGINT before it is killed. */
    static final Duration ORPHAN_GRACE = Duration.ofSeconds(15);

    private final LocalLayout layout;

    private RunLock(LocalLayout layout) {
        this.layout = layout;
    }

    /**
     * Takes the directory for this process.
     *
     * @throws LocalException if another live process holds it
     */
    public static RunLock acquire(LocalLayout layout) {
        Optional<ProcessHandle> running = running(layout);
        if (running.isPresent()) {
            throw new LocalException("a local stack is already running from " + layout.root() + " (pid "
                    + running.get().pid() + "); stop it with `fluxo local down`");
        }
        stopLeftovers(layout);
        write(layout.pidFile(), String.valueOf(ProcessHandle.current().pid()));
        write(layout.childPids(), "");
        return new RunLock(layout);
    }

    /** The live process that holds the directory, if any. */
    public static Optional<ProcessHandle> running(LocalLayout layout) {
        return readPids(layout.pidFile()).stream().findFirst()
                .filter(pid -> pid != ProcessHandle.current().pid())
                .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    /** Records a child process so that a later run can stop it if this one dies without doing so. */
    public void recordChild(long pid) {
        try {
            Files.writeString(layout.childPids(), pid + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops what a dead run left behind: its recorded children and a PostgreSQL still holding the data directory. */
    public static void stopLeftovers(LocalLayout layout) {
        // a pid can be reused by an unrelated process: only stop what looks like what was started
        for (long pid : readPids(layout.childPids())) {
            ProcessHandle.of(pid).filter(p -> p.isAlive() && commandContains(p, "java")).ifPresent(RunLock::stop);
        }
        readPids(layout.postgres().resolve("postmaster.pid")).stream().findFirst().flatMap(ProcessHandle::of)
                .filter(p -> p.isAlive() && commandContains(p, "postgres")).ifPresent(RunLock::stop);
    }

    /** SIGINT for PostgreSQL (fast shutdown), SIGTERM otherwise, then SIGKILL after {@link #ORPHAN_GRACE}. */
    static void stop(ProcessHandle process) {
        String command = process.info().command().orElse("");
        try {
            if (command.endsWith("postgres")) {
                new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
            } else {
                process.destroy();
            }
            process.onExit().get(ORPHAN_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private static boolean commandContains(ProcessHandle process, String text) {
        return process.info().command().map(c -> c.contains(text)).orElse(false);
    }

    static List<Long> readPids(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Long> pids = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String t = line.trim();
                if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(t));
                }
            }
            return pids;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(layout.pidFile());
            Files.deleteIfExists(layout.childPids());
        } catch (IOException e) {
            // best effort: a stale pid file is recognised as stale by the next run
        }
    }
}
