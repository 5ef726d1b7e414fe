package dev.fluxo.jobs.merge;

import dev.fluxo.jobs.metrics.BatchMetrics;
import dev.fluxo.jobs.metrics.BatchMetricsListener;
import dev.fluxo.jobs.table.GoldTables;
import dev.fluxo.jobs.table.LakeTables;
import dev.fluxo.jobs.table.SparkTables;
import dev.fluxo.schema.TableDefinition;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.fluxo.jobs.merge.ChangeRules.COMMIT_TIME;
import static dev.fluxo.jobs.merge.ChangeRules.ID;
import static dev.fluxo.jobs.merge.ChangeRules.OP;
import static dev.fluxo.jobs.merge.ChangeRules.POSITION;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * Applies one micro-batch of silver changes to gold. Replay-safe: a change is applied only if its source position is
 * newer than both the stored row's and the id's newest recorded delete, so duplicates, replays (a batch re-run after
 * a crash) and out-of-order arrivals leave gold as the newest change per id says.
 *
 * <p>Per batch: (1) invalid changes are counted by reason and skipped; (2) the newest change per id is kept;
 * (3) it is classified against gold and {@code gold.customers_deletes}; (4) deletes are recorded; (5) {@code MERGE
 * INTO gold.customers}; (6) {@code gold.customers_by_profissao} is recomputed from gold. The aggregate is recomputed
 * rather than patched with deltas because the tables commit separately: after a crash between (5) and (6) the
 * re-run batch finds nothing left to merge, so a delta would be lost while a recompute heals the aggregate.
 */
public final class GoldMerge {
    private static final Logger LOG = LoggerFactory.getLogger(GoldMerge.class);
    private static final String REASON = "_invalid_reason";
    private static final String ACTION = "_action";
    private static final String GOLD_POS = "_gold_position";
    private static final String DELETED_POS = "_deleted_position";

    private final LakeTables lake;
    private final BatchMetricsListener listener;
    private final Clock clock;
    private Optional<Instant> newestApplied;

    public GoldMerge(LakeTables lake, BatchMetricsListener listener, Clock clock) {
        this.lake = lake;
        this.listener = listener;
        this.clock = clock;
    }

    /** The foreachBatch body: applies the batch, then tells the listener. */
    public BatchMetrics apply(Dataset<Row> batch, long batchId) {
        Instant started = clock.instant();
        SparkSession spark = batch.sparkSession();
        if (newestApplied == null) {
            newestApplied = newestInGold(spark);
        }
        Dataset<Row> checked = batch.withColumn(REASON, ChangeRules.invalidReason())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, Long> byReason = new HashMap<>();
            long valid = 0;
            for (Row r : checked.groupBy(REASON).count().collectAsList()) {
                if (r.isNullAt(0)) {
                    valid = r.getLong(1);
                } else {
                    byReason.put(r.getString(0), r.getLong(1));
                }
            }
            long invalid = byReason.values().stream().mapToLong(Long::longValue).sum();
            logInvalid(checked, byReason, batchId);
            Map<Action, Long> actions = valid == 0 ? Map.of() : applyValid(spark, checked, batchId);
            // Freshness is what a reader of gold.customers sees: its merge is committed here; the aggregate follows.
            Instant customersVisible = clock.instant();
            if (valid + invalid > 0) {
                recomputeAggregate(spark);
            }
            Instant finished = clock.instant();
            BatchMetrics metrics = new BatchMetrics(batchId, finished, valid + invalid,
                    actions.getOrDefault(Action.INSERT, 0L), actions.getOrDefault(Action.UPDATE, 0L),
                    actions.getOrDefault(Action.DELETE, 0L),
                    valid - actions.getOrDefault(Action.INSERT, 0L) - actions.getOrDefault(Action.UPDATE, 0L)
                            - actions.getOrDefault(Action.DELETE, 0L),
                    invalid, byReason, newestApplied, newestApplied.map(t -> Duration.between(t, customersVisible)),
                    Duration.between(started, finished));
            listener.onBatch(metrics);
            return metrics;
        } finally {
            checked.unpersist();
        }
    }

    /** Merges the valid changes; returns how many newest-per-id changes fell in each action. */
    private Map<Action, Long> applyValid(SparkSession spark, Dataset<Row> checked, long batchId) {
        TableDefinition gold = GoldTables.CUSTOMERS;
        TableDefinition deletes = GoldTables.CUSTOMERS_DELETES;
        List<String> carried = new java.util.ArrayList<>(gold.columnNames());
        carried.add(OP);
        Column[] fields = carried.stream().map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> newest = checked.filter(col(REASON).isNull())
                .groupBy(col(ID).as("_id"))
                .agg(max_by(struct(fields), col(POSITION)).as("c"))
                .select("c.*");
        Dataset<Row> inGold = spark.table(name(gold)).select(col(ID).as("_gold_id"), col(POSITION).as(GOLD_POS));
        Dataset<Row> deleted = spark.table(name(deletes)).select(col(ID).as("_del_id"), col(POSITION).as(DELETED_POS));
        Column isDelete = col(OP).equalTo(lit(ChangeRules.DELETE));
        Dataset<Row> classified = newest
                .join(inGold, newest.col(ID).equalTo(inGold.col("_gold_id")), "left")
                .join(deleted, newest.col(ID).equalTo(deleted.col("_del_id")), "left")
                .withColumn(ACTION,
                        when(col(DELETED_POS).isNotNull().and(col(POSITION).leq(col(DELETED_POS))), Action.STALE.name())
                        .when(col(GOLD_POS).isNotNull().and(col(POSITION).leq(col(GOLD_POS))), Action.STALE.name())
                        .when(isDelete.and(col(GOLD_POS).isNull()), Action.DELETE_ABSENT.name())
                        .when(isDelete, Action.DELETE.name())
                        .when(col(GOLD_POS).isNull(), Action.INSERT.name())
                        .otherwise(Action.UPDATE.name()))
                .drop("_gold_id", "_del_id", GOLD_POS, DELETED_POS)
                // Materialized, not cached: writing gold and the deletes table invalidates cached plans that read
                // them, and a recomputed classification would see this batch's own deletes and call them stale.
                .localCheckpoint(true);
        Map<Action, Long> counts = new HashMap<>();
        Timestamp newestTime = null;
        for (Row r : classified.groupBy(ACTION).agg(count(lit(1)), max(col(COMMIT_TIME))).collectAsList()) {
            Action action = Action.valueOf(r.getString(0));
            counts.put(action, r.getLong(1));
            if (action != Action.STALE && action != Action.DELETE_ABSENT
                    && (newestTime == null || r.getTimestamp(2).after(newestTime))) {
                newestTime = r.getTimestamp(2);
            }
        }
        long deletesToRecord = counts.getOrDefault(Action.DELETE, 0L) + counts.getOrDefault(Action.DELETE_ABSENT, 0L);
        if (deletesToRecord > 0) {
            recordDeletes(classified.filter(col(ACTION).isin(Action.DELETE.name(), Action.DELETE_ABSENT.name())),
                    batchId);
        }
        long toMerge = counts.getOrDefault(Action.INSERT, 0L) + counts.getOrDefault(Action.UPDATE, 0L)
                + counts.getOrDefault(Action.DELETE, 0L);
        if (toMerge > 0) {
            mergeGold(classified.filter(col(ACTION).isin(Action.INSERT.name(), Action.UPDATE.name(),
                    Action.DELETE.name())), batchId);
        }
        if (newestTime != null) {
            Instant t = newestTime.toInstant();
            newestApplied = Optional.of(newestApplied.filter(n -> n.isAfter(t)).orElse(t));
        }
        return counts;
    }

    private void recordDeletes(Dataset<Row> deletesInBatch, long batchId) {
        TableDefinition deletes = GoldTables.CUSTOMERS_DELETES;
        String view = view("deletes");
        deletesInBatch.select(deletes.columnNames().stream().map(c -> col(c)).toArray(Column[]::new))
                .createOrReplaceTempView(view);
        List<String> keys = deletes.identifierFields();
        List<String> values = deletes.columnNames().stream().filter(c -> !keys.contains(c)).toList();
        deletesInBatch.sparkSession().sql("MERGE INTO " + name(deletes) + " t USING " + view + " s ON "
                + on("t", keys) + " WHEN MATCHED AND s." + POSITION + " > t." + POSITION + " THEN UPDATE SET "
                + assignments("t", values) + " WHEN NOT MATCHED THEN INSERT (" + SparkTables.columnList(deletes.columnNames(), "")
                + ") VALUES (" + SparkTables.columnList(deletes.columnNames(), "s.") + ")");
        LOG.debug("batch {}: deletes recorded", batchId);
    }

    private void mergeGold(Dataset<Row> changes, long batchId) {
        TableDefinition gold = GoldTables.CUSTOMERS;
        String view = view("changes");
        changes.drop(ACTION).createOrReplaceTempView(view);
        List<String> keys = gold.identifierFields();
        List<String> values = gold.columnNames().stream().filter(c -> !keys.contains(c)).toList();
        String newer = "s." + POSITION + " > g." + POSITION;
        changes.sparkSession().sql("MERGE INTO " + name(gold) + " g USING " + view + " s ON " + on("g", keys)
                + " WHEN MATCHED AND " + newer + " AND s." + OP + " = '" + ChangeRules.DELETE + "' THEN DELETE"
                + " WHEN MATCHED AND " + newer + " THEN UPDATE SET " + assignments("g", values)
                + " WHEN NOT MATCHED AND s." + OP + " <> '" + ChangeRules.DELETE + "' THEN INSERT ("
                + SparkTables.columnList(gold.columnNames(), "") + ") VALUES ("
                + SparkTables.columnList(gold.columnNames(), "s.") + ")");
        LOG.debug("batch {}: gold merged", batchId);
    }

    /** Replaces the aggregate with counts over the current gold rows. */
    private void recomputeAggregate(SparkSession spark) {
        TableDefinition agg = GoldTables.BY_PROFISSAO;
        List<String> groups = agg.identifierFields();
        String counted = agg.columnNames().stream().filter(c -> !groups.contains(c)).findFirst().orElseThrow();
        try {
            spark.table(name(GoldTables.CUSTOMERS))
                    .groupBy(groups.stream().map(c -> col(c)).toArray(Column[]::new))
                    .agg(count(lit(1)).as(counted))
                    .select(agg.columnNames().stream().map(c -> col(c)).toArray(Column[]::new))
                    .writeTo(name(agg)).overwrite(lit(true));
        } catch (NoSuchTableException e) {
            throw new IllegalStateException(name(agg) + " disappeared while the job was running", e);
        }
    }

    private Optional<Instant> newestInGold(SparkSession spark) {
        Row r = spark.table(name(GoldTables.CUSTOMERS)).agg(max(col(COMMIT_TIME))).first();
        return r.isNullAt(0) ? Optional.empty() : Optional.of(r.getTimestamp(0).toInstant());
    }

    private void logInvalid(Dataset<Row> checked, Map<String, Long> byReason, long batchId) {
        for (Map.Entry<String, Long> e : byReason.entrySet()) {
            String examples = checked.filter(col(REASON).equalTo(e.getKey())).select(col(POSITION)).limit(3)
                    .collectAsList().stream().map(r -> String.valueOf(r.get(0))).collect(Collectors.joining(","));
            LOG.warn("batch {}: skipped {} invalid change(s): {} (source_position e.g. {})", batchId, e.getValue(),
                    e.getKey(), examples);
        }
    }

    private String name(TableDefinition table) {
        return lake.qualifiedName(table);
    }

    private String view(String what) {
        return "fluxo_" + lake.catalog() + "_" + what;
    }

    private static String on(String target, List<String> keys) {
        return keys.stream().map(k -> target + "." + k + " = s." + k).collect(Collectors.joining(" AND "));
    }

    private static String assignments(String target, List<String> columns) {
        return columns.stream().map(c -> target + "." + c + " = s." + c).collect(Collectors.joining(", "));
    }
}
