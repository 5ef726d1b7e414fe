package dev.fluxo.producer.customer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerGeneratorTest {
    private static List<String> femaleNames;
    private static List<String> maleNames;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readDatafakerNameLists() throws Exception {
        try (InputStream in = CustomerGenerator.class.getClassLoader().getResourceAsStream("pt-BR.yml")) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> faker = (Map<String, Object>) ((Map<String, Object>) root.get("pt-BR")).get("faker");
            Map<String, Object> name = (Map<String, Object>) faker.get("name");
            femaleNames = (List<String>) name.get("female_first_name");
            maleNames = (List<String>) name.get("male_first_name");
        }
    }

    private static List<Customer> generate(CustomerGenerator generator, int n) {
        return IntStream.range(0, n).mapToObj(i -> generator.next()).toList();
    }

    @Test
    void sameSeedGivesSameCustomers() {
        assertThat(generate(CustomerGenerator.seeded(42), 50)).isEqualTo(generate(CustomerGenerator.seeded(42), 50));
    }

    @Test
    void differentSeedsGiveDifferentCustomers() {
        assertThat(generate(CustomerGenerator.seeded(1), 20)).isNotEqualTo(generate(CustomerGenerator.seeded(2), 20));
    }

    @Test
    void reseedRestartsTheSequence() {
        CustomerGenerator generator = CustomerGenerator.seeded(7);
        List<Customer> first = generate(generator, 5);
        generator.reseed(7);
        assertThat(generate(generator, 5)).isEqualTo(first);
    }

    @Test
    void sexoMatchesTheFirstNameAndThePicture() {
        for (Customer c : generate(CustomerGenerator.seeded(3), 500)) {
            List<String> names = c.sexo() == Sexo.F ? femaleNames : maleNames;
            assertThat(names).as(c.nome()).anyMatch(first -> c.nome().startsWith(first + " "));
            assertThat(c.foto()).startsWith("https://").contains(c.sexo() == Sexo.F ? "/women/" : "/men/");
        }
    }

    @Test
    void bothSexesOccur() {
        assertThat(generate(CustomerGenerator.seeded(4), 100)).extracting(Customer::sexo)
                .contains(Sexo.F, Sexo.M);
    }

    @Test
    void valuesHaveBrazilianShapes() {
        for (Customer c : generate(CustomerGenerator.seeded(5), 500)) {
            assertThat(c.nome()).isNotBlank().contains(" ");
            assertThat(c.telefone()).matches("\\(\\d{2}\\) (9\\d{4}|[2-5]\\d{3})-\\d{4}");
            assertThat(c.email()).matches("[a-z0-9]+[._][a-z0-9]+@[a-z]+(\\.[a-z]+)+");
            assertThat(c.endereco()).matches(".+, \\d+.* - .+/[A-Z]{2}, \\d{5}-\\d{3}");
            assertThat(c.profissao()).contains(" de ");
        }
    }

    @Test
    void emailIsDerivedFromTheName() {
        for (Customer c : generate(CustomerGenerator.seeded(6), 200)) {
            String ascii = Normalizer.normalize(c.nome(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT);
            String firstWord = ascii.substring(0, ascii.indexOf(' '));
            String lastWord = ascii.substring(ascii.lastIndexOf(' ') + 1);
            assertThat(c.email()).as(c.nome()).startsWith(firstWord.replaceAll("[^a-z0-9]", ""))
                    .contains(lastWord.replaceAll("[^a-z0-9]", ""));
        }
    }

    @Test
    void updatesChangeAddressPhoneAndOccupation() {
        CustomerUpdate u = CustomerGenerator.seeded(8).nextUpdate();
        assertThat(u.endereco()).isNotBlank();
        assertThat(u.telefone()).startsWith("(");
        assertThat(u.profissao()).isNotBlank();
    }
}
