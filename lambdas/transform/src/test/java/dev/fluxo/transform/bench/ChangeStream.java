package dev.fluxo.transform.bench;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic stream of Debezium JSON change events for {@code public.customers} (no embedded schema, about 550
 * bytes each): 70% inserts, 25% updates, 5% deletes of existing rows, from a fixed seed. Event {@code i} always has the
 * same content, so two runs (or two sinks) see the same input.
 */
public final class ChangeStream {
    private static final String[] NAMES = {"Ana Souza", "Bruno Lima", "Carla Oliveira", "Diego Santos",
            "Eduarda Pereira", "Felipe Costa", "Gabriela Almeida", "Heitor Ferreira", "Isabela Rodrigues",
            "João Gomes", "Larissa Martins", "Marcelo Araújo"};
    private static final String[] JOBS = {"Engenheira de Software", "Professor", "Médica", "Advogado", "Designer",
            "Analista de Dados", "Enfermeira", "Contador"};
    private static final String[] CITIES = {"São Paulo, SP", "Rio de Janeiro, RJ", "Belo Horizonte, MG",
            "Curitiba, PR", "Recife, PE", "Porto Alegre, RS"};
    /** 2026-11-23T00:00:00Z in microseconds, Debezium's MicroTimestamp of the first change. */
    private static final long START_MICROS = 1_795_392_000_000_000L;

    private final SplittableRandom random;
    private final List<Long> live = new ArrayList<>();
    private long nextId = 1;
    private long lsn = 30_000_000L;
    private long txId = 1000;
    private long micros = START_MICROS;

    public ChangeStream(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One change event: its Kafka key ({@code {"id":…}}) and value. */
    public record Event(long id, String op, byte[] key, byte[] value) {
    }

    /**
     * The next {@code size} events as one MSK event on partition 0 of {@code fluxo.public.customers}, offsets from
     * {@code firstOffset}: what the event source mapping hands the function.
     */
    public KafkaEvent kafkaEvent(int size, long firstOffset) {
        List<KafkaEventRecord> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Event e = next();
            long offset = firstOffset + i;
            records.add(KafkaEventRecord.builder().withTopic("fluxo.public.customers").withPartition(0)
                    .withOffset(offset).withTimestamp(1_795_392_000_000L + offset).withTimestampType("CREATE_TIME")
                    .withKey(Base64.getEncoder().encodeToString(e.key()))
                    .withValue(Base64.getEncoder().encodeToString(e.value())).withHeaders(List.of()).build());
        }
        return KafkaEvent.builder().withEventSource("aws:kafka").withEventSourceArn("local")
                .withBootstrapServers("127.0.0.1:9092").withRecords(Map.of("fluxo.public.customers-0", records)).build();
    }

    /** The next event. */
    public Event next() {
        int roll = random.nextInt(100);
        lsn += 200 + random.nextInt(300);
        txId++;
        micros += 1_000 + random.nextInt(5_000);
        String op;
        long id;
        String before = "null";
        String after = "null";
        if (roll < 70 || live.size() < 10) {
            op = "c";
            id = nextId++;
            live.add(id);
            after = row(id);
        } else if (roll < 95) {
            op = "u";
            id = live.get(random.nextInt(live.size()));
            before = row(id);
            after = row(id);
        } else {
            op = "d";
            int at = random.nextInt(live.size());
            id = live.get(at);
            live.set(at, live.get(live.size() - 1));
            live.remove(live.size() - 1);
            before = row(id);
        }
        String value = "{\"before\":" + before + ",\"after\":" + after + ",\"source\":{\"version\":\"3.6.1.Final\","
                + "\"connector\":\"postgresql\",\"name\":\"fluxo\",\"ts_ms\":" + micros / 1000
                + ",\"snapshot\":\"false\",\"db\":\"postgres\",\"sequence\":\"[\\\"" + (lsn - 120) + "\\\",\\\"" + lsn
                + "\\\"]\",\"schema\":\"public\",\"table\":\"customers\",\"txId\":" + txId + ",\"lsn\":" + lsn
                + "},\"op\":\"" + op + "\",\"ts_ms\":" + (micros / 1000 + 3) + "}";
        return new Event(id, op, ("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    private String row(long id) {
        String name = NAMES[random.nextInt(NAMES.length)];
        String email = name.toLowerCase().replace(' ', '.').replace("ã", "a").replace("ú", "u").replace("ó", "o")
                + id + "@example.com";
        return "{\"id\":" + id + ",\"nome\":\"" + name + "\",\"sexo\":\"" + (random.nextBoolean() ? "F" : "M")
                + "\",\"endereco\":\"Rua " + (1 + random.nextInt(900)) + ", " + CITIES[random.nextInt(CITIES.length)]
                + "\",\"telefone\":\"+55 11 9" + (1000 + random.nextInt(9000)) + "-" + (1000 + random.nextInt(9000))
                + "\",\"email\":\"" + email + "\",\"foto\":null,\"profissao\":\"" + JOBS[random.nextInt(JOBS.length)]
                + "\",\"dt_update\":" + micros + "}";
    }
}
