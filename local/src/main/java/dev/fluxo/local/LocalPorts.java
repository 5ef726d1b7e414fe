package dev.fluxo.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Ports on 127.0.0.1, chosen free on the first run and kept in {@code ports.properties}, so that a restarted stack
 * (and a {@code local query} against a stopped one) finds its services where they were. A stored port that has
 * become busy is replaced by a new free one.
 */
public final class LocalPorts {
    /** The services that listen. */
    public enum Service { POSTGRES, KAFKA, KAFKA_CONTROLLER, S3, TRINO }

    private final Path file;
    private final Properties stored = new Properties();

    public LocalPorts(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                stored.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The stored port if it is free now, else a new free port (stored). */
    public synchronized int port(Service service) {
        String key = service.name().toLowerCase(java.util.Locale.ROOT);
        String value = stored.getProperty(key);
        if (value != null && isFree(Integer.parseInt(value))) {
            return Integer.parseInt(value);
        }
        int port = freePort();
        stored.setProperty(key, String.valueOf(port));
        save();
        return port;
    }

    /** The stored port, whether or not something listens there; -1 when none was stored. */
    public synchronized int stored(Service service) {
        return Integer.parseInt(stored.getProperty(service.name().toLowerCase(java.util.Locale.ROOT), "-1"));
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LocalException("no free port on 127.0.0.1: " + e.getMessage());
        }
    }

    private void save() {
        try (Writer w = Files.newBufferedWriter(file)) {
            stored.store(w, "ports of the local target on 127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
