package dev.fluxo.local.cli;

import dev.fluxo.local.LocalException;
import dev.fluxo.local.LocalLayout;
import dev.fluxo.local.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code local down}: stops a running {@code up} from its pid file and, with {@code --purge}, deletes the state. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stops a running `local up` (as Ctrl-C would) and, with --purge, deletes its state directory.")
public final class DownCommand implements Callable<Integer> {
    /** How long a running {@code up} gets to stop cleanly before it is killed. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);

    @Option(names = "--dir", paramLabel = "DIR", description = "State directory (default: .fluxo).")
    Path dir = Path.of(LocalLayout.DEFAULT_DIR);

    @Option(names = "--purge", description = "Also delete the state directory: data, offsets, checkpoint, logs.")
    boolean purge;

    @Override
    public Integer call() throws Exception {
        LocalLayout layout = new LocalLayout(dir);
        var running = RunLock.running(layout);
        if (running.isPresent()) {
            System.out.println("fluxo local: stopping pid " + running.get().pid() + " ...");
            running.get().destroy();
            try {
                running.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                running.get().destroyForcibly();
            }
            System.out.println("fluxo local: stopped");
        } else {
            System.out.println("fluxo local: nothing running from " + layout.root());
        }
        if (purge) {
            if (!Files.isDirectory(layout.root())) {
                return 0;
            }
            if (!Files.exists(layout.ports()) && !layout.exists()) {
                throw new LocalException(layout.root() + " does not look like a fluxo state directory; not deleting it");
            }
            RunLock.stopLeftovers(layout);
            try (var walk = Files.walk(layout.root())) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            System.out.println("fluxo local: deleted " + layout.root());
        }
        return 0;
    }
}
