package dev.fluxo.local.sql;

import dev.fluxo.local.LocalException;
import dev.fluxo.local.service.GoldJob;
import dev.fluxo.local.service.ObjectStore;
import dev.fluxo.local.service.SourceDatabase;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in for Athena: a Trino 476 server (the engine under Athena engine v3) in its own JVM (JDK 24+), with one
 * catalog, {@value GoldJob#CATALOG_NAME}: the Iceberg connector over the same JDBC catalog and s3proxy the pipeline
 * writes, so {@code gold.customers} resolves as it does in Athena's workgroup. Only the Iceberg plugin is loaded
 * (faster start). Bound to 127.0.0.1; configuration under {@code DIR/trino/etc}, log in {@code DIR/logs/trino.log}.
 */
public final class TrinoServer implements SqlEngine {
    /** Heap of the Trino JVM. */
    public static final String HEAP = "-Xmx1G";
    /** How long the server may take to start. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;

    private TrinoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Writes the configuration and starts the server (not waiting for it: see {@link #awaitReady()}).
     *
     * @param java the JDK (24+) to run it with
     */
    public static TrinoServer start(Path java, Path home, Path stateDir, Path log, int port, int pgPort,
                                    String s3Endpoint) {
        try {
            Path etc = stateDir.resolve("etc");
            Path catalogs = etc.resolve("catalog");
            Files.createDirectories(catalogs);
            Path plugins = pluginDir(home);
            Properties config = new Properties();
            config.setProperty("coordinator", "true");
            config.setProperty("node-scheduler.include-coordinator", "true");
            config.setProperty("http-server.http.port", String.valueOf(port));
            config.setProperty("discovery.uri", "http://127.0.0.1:" + port);
            config.setProperty("query.max-memory", "512MB");
            config.setProperty("query.max-memory-per-node", "512MB");
            config.setProperty("catalog.config-dir", catalogs.toString());
            config.setProperty("plugin.dir", plugins.toString());
            store(config, etc.resolve("config.properties"));
            Properties lake = new Properties();
            lake.setProperty("connector.name", "iceberg");
            lake.setProperty("iceberg.catalog.type", "jdbc");
            lake.setProperty("iceberg.jdbc-catalog.catalog-name", GoldJob.CATALOG_NAME);
            lake.setProperty("iceberg.jdbc-catalog.driver-class", "org.postgresql.Driver");
            lake.setProperty("iceberg.jdbc-catalog.connection-url",
                    SourceDatabase.jdbcUrl(pgPort, SourceDatabase.CATALOG_DATABASE));
            lake.setProperty("iceberg.jdbc-catalog.connection-user", SourceDatabase.USER);
            lake.setProperty("iceberg.jdbc-catalog.connection-password", SourceDatabase.PASSWORD);
            lake.setProperty("iceberg.jdbc-catalog.default-warehouse-dir", ObjectStore.WAREHOUSE);
            lake.setProperty("fs.native-s3.enabled", "true");
            lake.setProperty("s3.endpoint", s3Endpoint);
            lake.setProperty("s3.region", ObjectStore.REGION);
            lake.setProperty("s3.path-style-access", "true");
            lake.setProperty("s3.aws-access-key", ObjectStore.ACCESS_KEY);
            lake.setProperty("s3.aws-secret-key", ObjectStore.SECRET_KEY);
            store(lake, catalogs.resolve(GoldJob.CATALOG_NAME + ".properties"));
            Files.writeString(etc.resolve("log.properties"), "io.trino=WARN\nio.airlift=WARN\n");
            Files.createDirectories(log.getParent());

            List<String> cmd = new ArrayList<>(List.of(java.resolve("bin/java").toString(), "-server", HEAP,
                    "-XX:+UseG1GC", "-XX:G1HeapRegionSize=32M", "-XX:+ExplicitGCInvokesConcurrent",
                    "-XX:+ExitOnOutOfMemoryError", "-XX:-OmitStackTraceInFastThrow", "-XX:ReservedCodeCacheSize=256M",
                    "-XX:PerMethodRecompilationCutoff=10000", "-XX:PerBytecodeRecompilationCutoff=10000",
                    "-Djdk.attach.allowAttachSelf=true", "-Djdk.nio.maxCachedBufferSize=2000000",
                    "-Dfile.encoding=UTF-8", "-XX:+EnableDynamicAgentLoading",
                    "-Dnode.environment=fluxo_local", "-Dnode.id=fluxo-local",
                    "-Dnode.data-dir=" + stateDir.resolve("data"), "-Dnode.bind-ip=127.0.0.1",
                    "-Dnode.internal-address=127.0.0.1",
                    "-Dconfig=" + etc.resolve("config.properties"),
                    "-Dlog.levels-file=" + etc.resolve("log.properties"),
                    "-cp", home.resolve("lib") + "/*", "io.trino.server.TrinoServer"));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new TrinoServer(pb.start(), port);
        } catch (IOException e) {
            throw new LocalException("Trino did not start: " + e.getMessage(), e);
        }
    }

    /** A plugin directory with only the Iceberg connector (links into the distribution). */
    static Path pluginDir(Path home) throws IOException {
        Path dir = home.resolveSibling(home.getFileName() + "-plugins");
        Path link = dir.resolve("iceberg");
        if (!Files.exists(link)) {
            Files.createDirectories(dir);
            Files.createSymbolicLink(link, home.resolve("plugin").resolve("iceberg"));
        }
        return dir;
    }

    /** Waits until the server accepts queries. */
    public void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LocalException("Trino exited with code " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1/info")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"starting\":false")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalException("interrupted while waiting for Trino", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalException("interrupted while waiting for Trino", e);
            }
        }
        throw new LocalException("Trino did not become ready within " + START_TIMEOUT.toSeconds() + " s");
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    @Override
    public String description() {
        return TrinoClient.DESCRIPTION;
    }

    @Override
    public QueryResult query(String sql) throws Exception {
        return new TrinoClient(port).query(sql);
    }

    private static void store(Properties p, Path file) throws IOException {
        try (var w = Files.newBufferedWriter(file)) {
            p.store(w, "generated by fluxo local on every start");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
