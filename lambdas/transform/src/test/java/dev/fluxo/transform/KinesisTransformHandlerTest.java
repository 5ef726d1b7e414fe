package dev.fluxo.transform;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.transform.testing.LambdaRuntime;
import dev.fluxo.transform.testing.TestLakehouse;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.fluxo.transform.testing.DmsRecords.dms;
import static dev.fluxo.transform.testing.DmsRecords.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The Kinesis handler fed DMS records, over a JDBC catalog and s3proxy. */
class KinesisTransformHandlerTest {
    @TempDir
    static Path dir;
    private static TestLakehouse lakehouse;

    @BeforeAll
    static void start() throws Exception {
        lakehouse = TestLakehouse.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        lakehouse.close();
    }

    private static StreamsEventResponse invoke(KinesisTransformHandler handler, KinesisEvent event) {
        return handler.handleRequest(event, LambdaRuntime.context("fluxo-transform-kinesis"));
    }

    @Test
    void dmsRecordsAreWrittenWithTheirSequenceNumbersAndNoneIsReportedFailed() throws Exception {
        Map<String, String> env = lakehouse.environment("dms");
        KinesisTransformHandler handler = new KinesisTransformHandler(env, null, LambdaRuntime.emfMetrics());
        KinesisEvent event = event(List.of(dms("insert", "data", 1, "a@example.com"),
                dms("insert", "data", 2, "b@example.com"), dms("create-table", "control", 0, ""),
                dms("update", "data", 1, "a2@example.com"), "{\"data\":", dms("delete", "data", 2, "b@example.com")));

        StreamsEventResponse response = invoke(handler, event);

        assertThat(response.getBatchItemFailures()).as("bad records are dead-lettered, not retried").isEmpty();
        var catalog = TestLakehouse.catalog(env);
        List<Record> silver = TestLakehouse.read(catalog, LakehouseTables.SILVER_CUSTOMERS_CHANGES);
        assertThat(silver.stream().map(r -> r.getField("id") + ":" + r.getField("op")).sorted())
                .containsExactly("1:c", "1:u", "2:c", "2:d");
        String updateSequence = event.getRecords().get(3).getKinesis().getSequenceNumber();
        assertThat(silver).filteredOn(r -> r.getField("op").equals("u")).singleElement()
                .satisfies(r -> assertThat((String) r.getField("source_position")).endsWith(updateSequence));
        assertThat(TestLakehouse.read(catalog, LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER)).singleElement()
                .satisfies(r -> assertThat(r.getField("source_coordinates"))
                        .isEqualTo("fluxo-cdc/shardId-000000000000/" + event.getRecords().get(4).getKinesis()
                                .getSequenceNumber()));
    }

    @Test
    void whenTheCatalogBecomesUnreachableEveryRecordIsReportedFromTheLowestSequenceAndTheRetrySucceeds()
            throws Exception {
        lakehouse.execute("postgres", "create database iceberg_flaky");
        Map<String, String> env = lakehouse.environment("iceberg_flaky", "flaky");
        KinesisTransformHandler handler = new KinesisTransformHandler(env, null, LambdaRuntime.emfMetrics());
        assertThat(invoke(handler, event(List.of(dms("insert", "data", 1, "a@example.com")))).getBatchItemFailures())
                .isEmpty();

        lakehouse.execute("postgres", "alter database iceberg_flaky allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'iceberg_flaky'");
        KinesisEvent event = event(List.of(dms("insert", "data", 2, "b@example.com"),
                dms("update", "data", 2, "b2@example.com"), "not DMS at all"));
        StreamsEventResponse failed;
        try {
            failed = invoke(handler, event);
        } finally {
            lakehouse.execute("postgres", "alter database iceberg_flaky allow_connections true");
        }

        assertThat(failed.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().stream().map(r -> r.getKinesis().getSequenceNumber())
                        .toArray(String[]::new));
        assertThat(invoke(handler, event).getBatchItemFailures()).as("Lambda's retry of the batch").isEmpty();
        var catalog = TestLakehouse.catalog(env);
        assertThat(TestLakehouse.read(catalog, LakehouseTables.SILVER_CUSTOMERS_CHANGES)
                .stream().map(r -> r.getField("id") + ":" + r.getField("op")).sorted())
                .containsExactly("1:c", "2:c", "2:u");
    }
}
