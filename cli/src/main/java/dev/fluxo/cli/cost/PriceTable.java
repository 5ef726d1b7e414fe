package dev.fluxo.cli.cost;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS list prices kept in the repository ({@value #RESOURCE}), per region, each with the pricing page it comes
 * from and when it was read, plus the resource types that cost nothing by themselves and the load profile the
 * "at load" estimate assumes. Prices live in data, not code, so a price change is an edit of one JSON value.
 */
public final class PriceTable {
    /** The committed table, on the classpath. */
    public static final String RESOURCE = "/dev/fluxo/cli/cost/aws-prices.json";

    /**
     * One price.
     *
     * @param key    e.g. {@code rds.postgres.hour.db.t4g.micro}
     * @param usd    US dollars per unit
     * @param source the AWS pricing page
     * @param read   when (and how) the value was read
     */
    public record Price(String key, double usd, String source, String read) {
    }

    private final String date;
    private final int hoursPerMonth;
    private final Map<String, Map<String, Price>> byRegion;
    private final Map<String, String> regionNotes;
    private final Map<String, String> free;
    private final LoadProfile load;
    private final Map<String, Double> assumptions;
    private final String assumptionsText;

    private PriceTable(JsonObject json) {
        this.date = json.get("date").getAsString();
        this.hoursPerMonth = json.get("hoursPerMonth").getAsInt();
        var regions = new LinkedHashMap<String, Map<String, Price>>();
        for (var service : json.getAsJsonObject("services").entrySet()) {
            var s = service.getValue().getAsJsonObject();
            var source = s.get("source").getAsString();
            var read = s.get("read").getAsString();
            for (var region : s.getAsJsonObject("prices").entrySet()) {
                var prices = regions.computeIfAbsent(region.getKey(), k -> new LinkedHashMap<>());
                for (var p : region.getValue().getAsJsonObject().entrySet()) {
                    if (prices.put(p.getKey(), new Price(p.getKey(), p.getValue().getAsDouble(), source, read)) != null) {
                        throw new IllegalStateException("price table: '" + p.getKey() + "' is defined twice for " + region.getKey());
                    }
                }
            }
        }
        this.byRegion = Collections.unmodifiableMap(regions);
        this.regionNotes = strings(json.getAsJsonObject("regionNotes"));
        this.free = strings(json.getAsJsonObject("free"));
        this.load = LoadProfile.from(json.getAsJsonObject("load"));
        var a = new LinkedHashMap<String, Double>();
        json.getAsJsonObject("assumptions").entrySet().stream().filter(e -> e.getValue().getAsJsonPrimitive().isNumber())
                .forEach(e -> a.put(e.getKey(), e.getValue().getAsDouble()));
        this.assumptions = Collections.unmodifiableMap(a);
        this.assumptionsText = json.getAsJsonObject("assumptions").get("about").getAsString();
    }

    /** The committed table. */
    public static PriceTable standard() {
        try (var in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the price table " + RESOURCE + " is missing from the classpath");
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table from a stream with the same shape as {@value #RESOURCE}. */
    public static PriceTable read(InputStream in, String origin) throws IOException {
        try {
            return new PriceTable(JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("price table " + origin + " is not valid: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> strings(JsonObject object) {
        var out = new LinkedHashMap<String, String>();
        object.entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
        return Collections.unmodifiableMap(out);
    }

    /** The date the table was last reviewed. */
    public String date() {
        return date;
    }

    /** Hours in a billing month (730). */
    public int hoursPerMonth() {
        return hoursPerMonth;
    }

    public Set<String> regions() {
        return byRegion.keySet();
    }

    /** How reliable the region's prices are, e.g. "as published in 2025; verify". */
    public String regionNote(String region) {
        return regionNotes.getOrDefault(region, "no prices for this region");
    }

    public Optional<Price> price(String region, String key) {
        return Optional.ofNullable(byRegion.getOrDefault(region, Map.of()).get(key));
    }

    /** Types that cost nothing by themselves, with the reason. */
    public Map<String, String> free() {
        return free;
    }

    public LoadProfile load() {
        return load;
    }

    /** A numeric assumption of the run profiles, e.g. {@code scheduledRunMinutes}. */
    public double assumption(String name) {
        var value = assumptions.get(name);
        if (value == null) {
            throw new IllegalStateException("price table: assumption '" + name + "' is missing");
        }
        return value;
    }

    /** The run profiles the estimate assumes, in words. */
    public String assumptionsText() {
        return assumptionsText;
    }
}
