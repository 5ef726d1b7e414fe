package dev.fluxo.transform.benchmark;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.sun.management.OperatingSystemMXBean;
import dev.fluxo.pipeline.write.IcebergTables;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.transform.MskTransformHandler;
import dev.fluxo.transform.TransformSummary;
import dev.fluxo.transform.bench.ChangeStream;
import dev.fluxo.transform.event.KafkaEvents;
import dev.fluxo.transform.testing.LambdaRuntime;
import dev.fluxo.transform.testing.TestLakehouse;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;

import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Issue "Data plane", item 6: the same Debezium change events landed in Iceberg (a) by our path, a Kafka poll loop
 * that invokes {@link MskTransformHandler} with the {@link KafkaEvent}s the MSK event source mapping would send, and
 * (b) by the Apache Iceberg Kafka Connect sink with its {@code DebeziumTransform}, in a Kafka Connect standalone
 * worker. One JVM, one run, one input: {@code N} events (default 1,000,000; about 550 bytes; 70/25/5 % inserts,
 * updates, deletes; fixed seed) in a 3-partition topic on a KRaft broker. Both write through a JDBC catalog on embedded
 * PostgreSQL to s3proxy. The broker, s3proxy and PostgreSQL run in another process ({@link BenchmarkServices}), as MSK
 * and S3 are other machines on AWS.
 *
 * <p>CPU: this process's CPU time ({@code OperatingSystemMXBean.getProcessCpuTime}) from the start of each path to
 * the moment its table holds every change, after a warm-up of each path on other events (second argument, default
 * {@value #WARMUP_EVENTS}); the phases run one after the other with nothing else working, so each delta is that path's
 * work, GC and JIT included. The CPU of the JIT compiler and GC threads is printed apart ({@link NativeThreadCpu}), and
 * the services' CPU during each phase. Run: see docs/benchmarks.md.
 */
public final class SinkComparison {
    static final String TOPIC = "fluxo.public.customers";
    static final String SINK_CATALOG = "sink";
    static final String SINK_NAMESPACE = "sink";
    static final String WARMUP_TOPIC = "warmup.public.customers";
    /** Events each path processes before it is measured, unless the second argument says otherwise. */
    static final int WARMUP_EVENTS = 100_000;
    static final TableIdentifier SINK_TABLE = TableIdentifier.of(SINK_NAMESPACE, table(TOPIC));
    /** The MSK event source mapping's largest batch. */
    static final int BATCH = 10_000;

    /** The broker and storage, in their own process. */
    private static BenchmarkServices.Handle services;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SinkComparison() {
    }

    /** CPU and wall time of one path, and the CPU the services (broker, s3proxy) spent for it meanwhile. */
    record Cost(String path, long events, double cpuSeconds, double wallSeconds, double servicesCpuSeconds,
                double jitSeconds, double gcSeconds) {
        double cpuPerMillion() {
            return cpuSeconds * 1_000_000 / events;
        }

        /** Per million, without the JIT compiler threads: what the path costs once its code is compiled. */
        double compiledCpuPerMillion() {
            return (cpuSeconds - jitSeconds) * 1_000_000 / events;
        }

        @Override
        public String toString() {
            return String.format("%-34s %,10d events  %8.1f CPU-s  %7.1f s wall  %6.2f CPU-s per million"
                            + " (JIT threads %.1f, GC threads %.1f; without JIT %.2f per million); services: %.2f CPU-s"
                            + " per million", path, events, cpuSeconds, wallSeconds, cpuPerMillion(), jitSeconds,
                    gcSeconds, compiledCpuPerMillion(), servicesCpuSeconds * 1_000_000 / events);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : WARMUP_EVENTS;
        Path dir = Files.createTempDirectory("fluxo-sink-comparison");
        System.out.printf("== %,d Debezium change events, work dir %s, JVM %s %s%n", n, dir,
                System.getProperty("java.vm.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        try (BenchmarkServices.Handle services = BenchmarkServices.Handle.start(dir, "warmup", "ours", SINK_CATALOG)) {
            SinkComparison.services = services;
            String bootstrap = services.bootstrap();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic(WARMUP_TOPIC, 3, (short) 1),
                        new NewTopic("control-iceberg", 1, (short) 1))).all().get();
            }
            produce(bootstrap, WARMUP_TOPIC, 7, warmup);
            produce(bootstrap, TOPIC, 42, n);

            // Both paths share Iceberg, Parquet, S3FileIO and the Kafka consumer: warm the JIT for both first, so
            // neither pays the other's compilation.
            Map<String, String> warmEnv = services.environments().get("warmup");
            System.out.println("-- warm-up, " + warmup + " other events (not counted)");
            measure("warm-up: ours", warmup, () -> runOurs(warmEnv, bootstrap, WARMUP_TOPIC, warmup));
            // -Dbenchmark.oursOnly=true: our path alone, e.g. under a profiler
            boolean oursOnly = Boolean.getBoolean("benchmark.oursOnly");
            if (!oursOnly) {
                measure("warm-up: sink", warmup, () -> runSink(sinkCatalogProperties(warmEnv), bootstrap, dir,
                        WARMUP_TOPIC, warmup));
            }

            System.out.println("-- measured");
            Map<String, String> env = services.environments().get("ours");
            Cost ours = measure("ours: poll loop + MskTransformHandler", n, () -> runOurs(env, bootstrap, TOPIC, n));
            Catalog ourCatalog = TestLakehouse.catalog(env);
            long bronze = totalRecords(ourCatalog, IcebergTables.identifier(LakehouseTables.BRONZE_CUSTOMERS_CHANGES));
            long silver = totalRecords(ourCatalog, IcebergTables.identifier(LakehouseTables.SILVER_CUSTOMERS_CHANGES));

            if (oursOnly) {
                System.out.println(ours);
                System.exit(0);
            }
            Map<String, String> sinkCatalog = sinkCatalogProperties(env);
            Cost sink = measure("Iceberg Kafka Connect sink", n, () -> runSink(sinkCatalog, bootstrap, dir, TOPIC, n));
            Catalog catalog = TestLakehouse.catalog(services.environments().get(SINK_CATALOG));
            long sinkRows = totalRecords(catalog, SINK_TABLE);

            System.out.println();
            System.out.println("== results");
            System.out.println(ours);
            System.out.println(sink);
            System.out.printf("rows: ours bronze %,d + silver %,d (expected %,d each); sink %,d (expected %,d)%n", bronze,
                    silver, n, sinkRows, n);
            System.out.printf("ratio (sink / ours, CPU-s per million): %.2f%n", sink.cpuPerMillion() / ours.cpuPerMillion());
            compareDtUpdate(ourCatalog, catalog);
            if (bronze != n || silver != n || sinkRows != n) {
                throw new IllegalStateException("row counts differ from the input");
            }
        }
        System.exit(0);
    }

    interface Phase {
        void run() throws Exception;
    }

    static Cost measure(String path, long events, Phase phase) throws Exception {
        System.gc();
        long gcMillis = gcMillis();
        long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        Map<Long, Long> threadsBefore = threadCpu();
        Duration servicesCpu = services.cpu();
        Map<NativeThreadCpu.Kind, Double> native0 = NativeThreadCpu.snapshot();
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        phase.run();
        long cpuAfter = OS.getProcessCpuTime();
        Map<NativeThreadCpu.Kind, Double> native1 = NativeThreadCpu.snapshot();
        Cost cost = new Cost(path, events, (cpuAfter - cpu) / 1e9, (System.nanoTime() - wall) / 1e9,
                services.cpu().minus(servicesCpu).toNanos() / 1e9, delta(native0, native1, NativeThreadCpu.Kind.JIT),
                delta(native0, native1, NativeThreadCpu.Kind.GC));
        System.out.println(cost);
        printThreadBreakdown(threadsBefore, cost.cpuSeconds());
        System.out.printf("    (of which GC pauses %.1f s, JIT compilation %.1f s)%n", (gcMillis() - gcMillis) / 1e3,
                (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMillis) / 1e3);
        return cost;
    }

    private static double delta(Map<NativeThreadCpu.Kind, Double> before, Map<NativeThreadCpu.Kind, Double> after,
                                NativeThreadCpu.Kind kind) {
        return after.getOrDefault(kind, 0.0) - before.getOrDefault(kind, 0.0);
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** CPU time of every live thread, by id. */
    static Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            cpu.put(id, THREADS.getThreadCpuTime(id));
        }
        return cpu;
    }

    /**
     * Where a phase's CPU went, by thread name (digits folded): the threads alive at its end; the rest (GC, JIT,
     * threads that ended during the phase) is the difference to the process total.
     */
    static void printThreadBreakdown(Map<Long, Long> before, double processSeconds) {
        Map<String, Double> byName = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(info.getThreadId());
            double seconds = (now - before.getOrDefault(info.getThreadId(), 0L)) / 1e9;
            byName.merge(info.getThreadName().replaceAll("[0-9]+", "#"), seconds, Double::sum);
        }
        double threads = byName.values().stream().mapToDouble(Double::doubleValue).sum();
        byName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf("    %6.1f CPU-s  %s%n", e.getValue(), e.getKey()));
        System.out.printf("    %6.1f CPU-s  (GC, JIT and threads that ended)%n", processSeconds - threads);
    }

    static void produce(String bootstrap, String topic, long seed, int n) {
        long start = System.nanoTime();
        long bytes = 0;
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "key.serializer", ByteArraySerializer.class,
                "value.serializer", ByteArraySerializer.class, "linger.ms", 20, "batch.size", 262_144, "acks", "1");
        ChangeStream changes = new ChangeStream(seed);
        int[] ops = new int[3];
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < n; i++) {
                ChangeStream.Event e = changes.next();
                ops[e.op().equals("c") ? 0 : e.op().equals("u") ? 1 : 2]++;
                bytes += e.value().length;
                producer.send(new ProducerRecord<>(topic, e.key(), e.value()));
            }
            producer.flush();
        }
        System.out.printf("produced %,d events (%,d inserts, %,d updates, %,d deletes; %.0f bytes each on average) "
                        + "in %.1f s%n", n, ops[0], ops[1], ops[2], (double) bytes / n, (System.nanoTime() - start) / 1e9);
    }

    /** Our path: what the MSK event source mapping does, polling batches of up to {@link #BATCH} records. */
    static void runOurs(Map<String, String> env, String bootstrap, String topic, int n) {
        MskTransformHandler handler = new MskTransformHandler(env, null, LambdaRuntime.emfMetrics());
        Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrap, "group.id", "fluxo-transform-" + topic,
                "auto.offset.reset", "earliest", "enable.auto.commit", "false", "max.poll.records", BATCH,
                "key.deserializer", ByteArrayDeserializer.class, "value.deserializer", ByteArrayDeserializer.class));
        // fetch enough per poll to fill the event source mapping's batch (the default stops at 1 MiB per partition)
        config.putAll(Map.of("max.partition.fetch.bytes", 16 << 20, "fetch.min.bytes", 1 << 20, "fetch.max.wait.ms", 500));
        long done = 0;
        long handlerCpu = 0;
        long converterCpu = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            while (done < n) {
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(BATCH);
                consumer.poll(Duration.ofMillis(500)).forEach(batch::add);
                if (!batch.isEmpty()) {
                    long t0 = THREADS.getCurrentThreadCpuTime();
                    KafkaEvent event = KafkaEvents.fromConsumerRecords(batch, "arn:aws:kafka:local", bootstrap);
                    long t1 = THREADS.getCurrentThreadCpuTime();
                    TransformSummary summary = handler.handleRequest(event, LambdaRuntime.context("fluxo-transform"));
                    handlerCpu += THREADS.getCurrentThreadCpuTime() - t1;
                    converterCpu += t1 - t0;
                    done += summary.getReceived();
                    consumer.commitSync();
                }
            }
        }
        System.out.printf("    handler (what the Lambda runs) %.1f CPU-s on the calling thread; building the events "
                + "(the event source mapping's work) %.1f CPU-s%n", handlerCpu / 1e9, converterCpu / 1e9);
    }

    static Map<String, String> sinkCatalogProperties(Map<String, String> ourEnv) {
        Map<String, String> c = new HashMap<>();
        c.put("iceberg.catalog", SINK_CATALOG); // the JDBC catalog keys tables by catalog name
        c.put("iceberg.catalog.catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog");
        c.put("iceberg.catalog.uri", ourEnv.get("FLUXO_CATALOG_JDBC_URI"));
        c.put("iceberg.catalog.jdbc.user", "postgres");
        c.put("iceberg.catalog.jdbc.password", "postgres");
        c.put("iceberg.catalog.jdbc.schema-version", "V1");
        c.put("iceberg.catalog.warehouse", "s3://" + TestLakehouse.BUCKET + "/sink");
        c.put("iceberg.catalog.io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
        c.put("iceberg.catalog.http-client.type", "urlconnection");
        c.put("iceberg.catalog.s3.endpoint", ourEnv.get("FLUXO_S3_ENDPOINT"));
        c.put("iceberg.catalog.s3.path-style-access", "true");
        c.put("iceberg.catalog.s3.access-key-id", ourEnv.get("FLUXO_S3_ACCESS_KEY_ID"));
        c.put("iceberg.catalog.s3.secret-access-key", ourEnv.get("FLUXO_S3_SECRET_ACCESS_KEY"));
        c.put("iceberg.catalog.client.region", "us-east-1");
        return c;
    }

    /** The sink path: a standalone Connect worker running the Iceberg sink until its table holds every change. */
    static void runSink(Map<String, String> catalogProperties, String bootstrap, Path dir, String topic, int n)
            throws Exception {
        Map<String, String> worker = new HashMap<>();
        worker.put("bootstrap.servers", bootstrap);
        worker.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.put("key.converter.schemas.enable", "false");
        worker.put("value.converter.schemas.enable", "false");
        worker.put("offset.storage.file.filename", dir.resolve(topic + ".offsets").toString());
        worker.put("offset.flush.interval.ms", "10000");
        worker.put("listeners", "http://127.0.0.1:0");
        worker.put("plugin.discovery", "only_scan");
        Properties connector = new Properties();
        connector.put("name", "iceberg-sink-" + topic.replace('.', '-'));
        connector.put("connector.class", "org.apache.iceberg.connect.IcebergSinkConnector");
        connector.put("tasks.max", "1");
        connector.put("topics", topic);
        connector.put("transforms", "debezium");
        connector.put("transforms.debezium.type", "org.apache.iceberg.connect.transforms.DebeziumTransform");
        connector.put("iceberg.tables", SINK_NAMESPACE + "." + table(topic));
        connector.put("iceberg.tables.auto-create-enabled", "true");
        connector.put("iceberg.tables.evolve-schema-enabled", "true");
        connector.put("iceberg.control.commit.interval-ms", "10000");
        // the sink reads the worker's properties file from the java command line; in-process it needs them here
        connector.put("iceberg.kafka.bootstrap.servers", bootstrap);
        connector.putAll(catalogProperties);
        Path connectorFile = dir.resolve(topic + ".properties");
        try (Writer w = Files.newBufferedWriter(connectorFile)) {
            connector.store(w, null);
        }
        ConnectStandalone cli = new ConnectStandalone();
        Connect<StandaloneHerder> connect = cli.startConnect(worker);
        try {
            cli.processExtraArgs(connect, new String[]{connectorFile.toString()});
            waitForRows(catalogProperties, TableIdentifier.of(SINK_NAMESPACE, table(topic)), n);
        } finally {
            connect.stop();
        }
    }

    static void waitForRows(Map<String, String> catalogProperties, TableIdentifier tableId, long n)
            throws InterruptedException {
        Map<String, String> props = new HashMap<>();
        catalogProperties.forEach((k, v) -> {
            if (k.startsWith("iceberg.catalog.")) {
                props.put(k.substring("iceberg.catalog.".length()), v);
            }
        });
        Catalog catalog = org.apache.iceberg.CatalogUtil.buildIcebergCatalog(SINK_CATALOG, props, null);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long rows = 0;
        while (rows < n && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            rows = catalog.tableExists(tableId) ? totalRecords(catalog, tableId) : 0;
        }
        if (rows < n) {
            throw new IllegalStateException("the sink committed " + rows + " of " + n + " rows in 30 minutes");
        }
    }

    /** The sink's table for a topic: {@code customers_changes}, or {@code warmup_changes} for the warm-up. */
    static String table(String topic) {
        return topic.equals(TOPIC) ? "customers_changes" : "warmup_changes";
    }

    static long totalRecords(Catalog catalog, TableIdentifier id) {
        Table table = catalog.loadTable(id);
        Snapshot snapshot = table.currentSnapshot();
        return snapshot == null ? 0 : Long.parseLong(snapshot.summary().getOrDefault("total-records", "0"));
    }

    /** Prints how each path stored {@code dt_update} (Debezium's MicroTimestamp) for the same change. */
    static void compareDtUpdate(Catalog ours, Catalog sinkCatalog) throws Exception {
        Table sink = sinkCatalog.loadTable(SINK_TABLE);
        Table silver = ours.loadTable(IcebergTables.identifier(LakehouseTables.SILVER_CUSTOMERS_CHANGES));
        System.out.println("sink table dt_update column: " + sink.schema().findField("dt_update"));
        System.out.println("sink table _cdc column:      " + sink.schema().findField("_cdc"));
        System.out.println("our silver dt_update column: " + silver.schema().findField("dt_update"));
        System.out.println("changes of id 1, sink: " + values(sink, "dt_update"));
        System.out.println("changes of id 1, ours: " + values(silver, "dt_update"));
    }

    private static List<String> values(Table table, String column) throws Exception {
        List<String> values = new ArrayList<>();
        try (CloseableIterable<Record> rows = IcebergGenerics.read(table).where(Expressions.equal("id", 1L)).build()) {
            for (Record r : rows) {
                Object v = r.getField(column);
                values.add(v + (v == null ? "" : " (" + v.getClass().getSimpleName() + ")"));
            }
        }
        values.sort(null);
        return values;
    }
}
