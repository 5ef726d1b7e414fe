package dev.fluxo.producer.customer;

import net.datafaker.Faker;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Generates plausible Brazilian customers with datafaker's {@code pt-BR} locale: the first name is drawn from
 * the male or female list so that {@code sexo} matches it, the e-mail is built from the name, phone numbers use
 * real area codes (DDD), addresses read like {@code Rua Alice Duarte, 390, Apto. 81 - Jacaraú/DF, 07167-347}.
 *
 * <p>With {@link #seeded(long)} the sequence of customers is reproducible: the same seed gives the same
 * customers. Not thread-safe: use one generator per thread.
 */
public final class CustomerGenerator {
    /** The datafaker locale used for names, streets, cities and occupations. */
    public static final Locale LOCALE = Locale.forLanguageTag("pt-BR");

    private static final List<String> UFS = List.of("AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA",
            "MT", "MS", "MG", "PA", "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO");
    /** Area codes (DDD) in use in Brazil. */
    private static final int[] DDDS = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35,
        37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74,
        75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99};
    /** Mail domains, the popular ones repeated so they come up more often. */
    private static final List<String> MAIL_DOMAINS = List.of("gmail.com", "gmail.com", "gmail.com", "hotmail.com",
            "hotmail.com", "outlook.com", "yahoo.com.br", "uol.com.br", "bol.com.br", "terra.com.br");
    private static final List<String> SECONDARY = List.of("Apto. ", "Casa ", "Bloco ", "Sala ");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LOCAL_PART = Pattern.compile("[^a-z0-9]");

    private final Random random;
    private final Faker faker;

    private CustomerGenerator(Random random) {
        this.random = random;
        this.faker = new Faker(LOCALE, random);
    }

    /** A generator whose customers are reproducible: the same seed gives the same sequence. */
    public static CustomerGenerator seeded(long seed) {
        return new CustomerGenerator(new Random(seed));
    }

    /** A generator seeded from the system's entropy. */
    public static CustomerGenerator unseeded() {
        return new CustomerGenerator(new Random());
    }

    /**
     * Restarts the sequence from {@code seed}. A Lambda restored from a SnapStart snapshot calls this with fresh
     * entropy, otherwise every restored copy would generate the same customers.
     */
    public void reseed(long seed) {
        random.setSeed(seed);
    }

    /** The next customer. */
    public Customer next() {
        Sexo sexo = random.nextBoolean() ? Sexo.F : Sexo.M;
        String first = sexo == Sexo.F ? faker.name().femaleFirstName() : faker.name().maleFirstName();
        String last = faker.name().lastName();
        String nome = random.nextInt(100) < 40 ? first + " " + faker.name().lastName() + " " + last : first + " " + last;
        return new Customer(nome, sexo, endereco(), telefone(), email(first, last), foto(sexo), profissao());
    }

    /** New values for an existing customer: address, phone and occupation. */
    public CustomerUpdate nextUpdate() {
        return new CustomerUpdate(endereco(), telefone(), profissao());
    }

    private String endereco() {
        StringBuilder s = new StringBuilder(96).append(faker.address().streetName())
                .append(", ").append(1 + random.nextInt(4999));
        if (random.nextInt(100) < 35) {
            s.append(", ").append(SECONDARY.get(random.nextInt(SECONDARY.size()))).append(1 + random.nextInt(1200));
        }
        return s.append(" - ").append(faker.address().city()).append('/').append(UFS.get(random.nextInt(UFS.size())))
                .append(", ").append(String.format("%05d-%03d", random.nextInt(100_000), random.nextInt(1000)))
                .toString();
    }

    private String telefone() {
        int ddd = DDDS[random.nextInt(DDDS.length)];
        if (random.nextInt(100) < 80) {
            return String.format("(%d) 9%04d-%04d", ddd, random.nextInt(10_000), random.nextInt(10_000));
        }
        return String.format("(%d) %d%03d-%04d", ddd, 2 + random.nextInt(4), random.nextInt(1000), random.nextInt(10_000));
    }

    private String email(String first, String last) {
        String local = localPart(firstWord(first)) + (random.nextBoolean() ? "." : "_") + localPart(lastWord(last));
        if (random.nextBoolean()) {
            local += random.nextInt(100);
        }
        return local + "@" + MAIL_DOMAINS.get(random.nextInt(MAIL_DOMAINS.size()));
    }

    private String foto(Sexo sexo) {
        return "https://randomuser.me/api/portraits/" + (sexo == Sexo.F ? "women" : "men") + "/"
                + random.nextInt(100) + ".jpg";
    }

    private String profissao() {
        return faker.job().position() + " de " + faker.job().field();
    }

    /** Lower-case ASCII without accents: "Conceição" → "conceicao". */
    private static String localPart(String word) {
        String ascii = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LOCAL_PART.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    /** "da Silva" → "Silva", so the address reads like maria.silva@… */
    private static String lastWord(String s) {
        return s.substring(s.lastIndexOf(' ') + 1);
    }
}
