package dev.fluxo.pipeline.testing;

import dev.fluxo.pipeline.change.Customer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

/**
 * Realistic Debezium change events for {@code public.customers}, shaped like the embedded engine's output without
 * schemas (about 700 bytes each, 550 compact), from a fixed seed so benchmarks and tests see the same data every run.
 */
public final class CustomerEvents {
    private static final String[] FIRST = {"Ana", "Bruno", "Carla", "Diego", "Eduarda", "Felipe", "Gabriela", "Heitor",
            "Isabela", "João", "Larissa", "Marcelo", "Natália", "Otávio", "Patrícia", "Rafael"};
    private static final String[] LAST = {"Souza", "Lima", "Oliveira", "Santos", "Pereira", "Costa", "Almeida",
            "Ferreira", "Rodrigues", "Gomes", "Martins", "Araújo"};
    private static final String[] STREETS = {"Rua das Flores", "Avenida Paulista", "Rua Augusta", "Avenida Brasil",
            "Rua XV de Novembro", "Travessa do Comércio"};
    private static final String[] CITIES = {"São Paulo, SP", "Rio de Janeiro, RJ", "Belo Horizonte, MG", "Curitiba, PR",
            "Recife, PE", "Porto Alegre, RS"};
    private static final String[] JOBS = {"Engenheira de Software", "Professor", "Médica", "Advogado", "Designer",
            "Analista de Dados", "Enfermeira", "Contador"};

    private final Random random;
    private final boolean compact;
    private long lsn = 22_000_000L;
    private long txId = 700;

    /** Events exactly as Debezium 3.6 emits them (about 700 bytes with this data). */
    public CustomerEvents(long seed) {
        this(seed, false);
    }

    /**
     * @param compact leave out {@code ts_us}, {@code ts_ns} (added in Debezium 2.6 beside {@code ts_ms}), {@code xmin}
     *                and the empty {@code transaction}: about 550 bytes
     */
    public CustomerEvents(long seed, boolean compact) {
        this.random = new Random(seed);
        this.compact = compact;
    }

    /** A customer row with the given id and {@code dt_update}. */
    public Customer customer(long id, Instant dtUpdate) {
        String first = pick(FIRST);
        String last = pick(LAST);
        return new Customer(id, first + " " + last, random.nextBoolean() ? "M" : "F",
                pick(STREETS) + ", " + (1 + random.nextInt(2000)) + ", " + pick(CITIES),
                String.format("+55 %02d 9%04d-%04d", 11 + random.nextInt(80), random.nextInt(10000), random.nextInt(10000)),
                (first + "." + last + id).toLowerCase() + "@example.com",
                "https://robohash.org/" + Integer.toHexString(random.nextInt()) + ".png", pick(JOBS), dtUpdate);
    }

    /** A create event, committed at {@code commitTime}, for a new customer. */
    public byte[] create(long id, Instant commitTime) {
        return event("c", null, customer(id, commitTime), commitTime);
    }

    /** A Debezium event (bare payload) with the given op and images. */
    public byte[] event(String op, Customer before, Customer after, Instant commitTime) {
        lsn += 200 + random.nextInt(300);
        txId++;
        long micros = micros(commitTime);
        String json;
        if (compact) {
            json = "{\"before\":" + row(before) + ",\"after\":" + row(after)
                    + ",\"source\":{\"version\":\"3.6.1.Final\",\"connector\":\"postgresql\",\"name\":\"fluxo\",\"ts_ms\":"
                    + micros / 1000 + ",\"snapshot\":\"false\",\"db\":\"postgres\",\"sequence\":\"[\\\"" + (lsn - 100)
                    + "\\\",\\\"" + lsn + "\\\"]\",\"schema\":\"public\","
                    + "\"table\":\"customers\",\"txId\":" + txId + ",\"lsn\":" + lsn + "},\"op\":\"" + op
                    + "\",\"ts_ms\":" + (micros / 1000 + 5) + "}";
        } else {
            json = "{\"before\":" + row(before) + ",\"after\":" + row(after)
                    + ",\"source\":{\"version\":\"3.6.1.Final\",\"connector\":\"postgresql\",\"name\":\"fluxo\",\"ts_ms\":"
                    + micros / 1000 + ",\"snapshot\":\"false\",\"db\":\"postgres\",\"sequence\":\"[\\\"" + (lsn - 100)
                    + "\\\",\\\"" + lsn + "\\\"]\",\"ts_us\":" + micros + ",\"ts_ns\":" + micros * 1000
                    + ",\"schema\":\"public\",\"table\":\"customers\",\"txId\":" + txId + ",\"lsn\":" + lsn
                    + ",\"xmin\":null},\"transaction\":null,\"op\":\"" + op + "\",\"ts_ms\":" + (micros / 1000 + 5)
                    + ",\"ts_us\":" + (micros + 5000) + ",\"ts_ns\":" + (micros + 5000) * 1000 + "}";
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    public long lastLsn() {
        return lsn;
    }

    private static String row(Customer c) {
        if (c == null) {
            return "null";
        }
        return "{\"id\":" + c.id() + ",\"nome\":" + quote(c.nome()) + ",\"sexo\":" + quote(c.sexo()) + ",\"endereco\":"
                + quote(c.endereco()) + ",\"telefone\":" + quote(c.telefone()) + ",\"email\":" + quote(c.email())
                + ",\"foto\":" + quote(c.foto()) + ",\"profissao\":" + quote(c.profissao()) + ",\"dt_update\":"
                + (c.dtUpdate() == null ? "null" : micros(c.dtUpdate())) + "}";
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
