package org.probefleet.journeys.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Kind;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.journeys.model.Step;

class ExamplesTest {

    static final Path EXAMPLES = Path.of("examples");

    @Test
    @DisplayName("the shipped examples load without a single problem")
    void examplesAreValid() {
        LoadResult result = DefinitionLoader.loadFolder(EXAMPLES);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions().journeys()).extracting(Journey::id)
                .containsExactly("catalog-api", "checkout", "login", "search");
        assertThat(result.definitions().slos()).extracting(Slo::name).containsExactlyInAnyOrder(
                "checkout-journey-success", "checkout-completion-rate", "checkout-real-users", "login-success-rate",
                "search-availability", "catalog-api-availability");
        assertThat(result.definitions().policies()).extracting(Policy::name).containsExactly("default", "payment-service");
    }

    @Test
    @DisplayName("the checkout example fills its email from a secret and the API example feeds extracted values forward")
    void examplesUseSecretsAndExtraction() {
        var definitions = DefinitionLoader.loadFolder(EXAMPLES).definitions();
        Journey checkout = definitions.journey("checkout").orElseThrow();
        Journey api = definitions.journey("catalog-api").orElseThrow();

        assertThat(checkout.steps()).filteredOn(step -> step instanceof Step.Fill)
                .map(step -> ((Step.Fill) step).value()).contains("${secret:CHECKOUT_EMAIL}");
        assertThat(api.kind()).isEqualTo(Kind.HTTP);
        assertThat(((Step.Request) api.steps().get(1)).extract()).containsEntry("cart_id", "$.id");
        assertThat(((Step.Request) api.steps().get(2)).request().path()).isEqualTo("/api/cart/${cart_id}/items");
    }

    @Test
    @DisplayName("broken files next to the examples get one exact problem each, and the good definitions still load")
    void brokenFilesBesideExamples(@TempDir Path folder) throws IOException {
        for (Path example : java.nio.file.Files.list(EXAMPLES).toList()) {
            java.nio.file.Files.copy(example, folder.resolve(example.getFileName()));
        }
        write(folder, "bad-indent.yaml", "journey: cart-badindent\nschedule:\n  every: 1m\n spread: 20s\nsteps:\n  - goto: /\n");
        write(folder, "misspelt.yaml", "journey: misspelt\nshedule: { every: 1m }\nsteps:\n  - goto: /\n");
        write(folder, "bad-duration.yaml", "journey: slowpoke\nschedule: { every: 5 minutes }\nsteps:\n  - goto: /\n");
        write(folder, "unknown-step.yaml", "journey: tapper\nsteps:\n  - goto: /\n  - name: tap the button\n    tap: { role: button }\n");
        write(folder, "bad-target.yaml", "slo:\n  name: too-good\n  indicator: { journey: checkout }\n  target: 1.5\n");
        write(folder, "missing-journey.yaml", "slo:\n  name: orphan\n  indicator: { journey: chekout }\n  target: 0.99\n");
        write(folder, "zz-duplicate.yaml", "journey: login\nsteps:\n  - goto: /login\n");

        LoadResult result = DefinitionLoader.loadFolder(folder);

        String dir = folder.toString();
        assertThat(result.problems()).map(Object::toString).containsExactly(
                dir + "/bad-duration.yaml:2:20: bad duration '5 minutes' for 'every': write a number and a unit (ms, s, m, h, d), like 500ms, 30s or 1h30m",
                dir + "/bad-indent.yaml:4:2: YAML syntax: expected <block end>, but found '<block mapping start>' (while parsing a block mapping): check the indentation of this line",
                dir + "/bad-target.yaml:4:11: target 1.5 must be between 0 and 1 (exclusive), like 0.995 for 99.5%",
                dir + "/missing-journey.yaml:3:25: SLO 'orphan' measures journey 'chekout', which is not defined (did you mean 'checkout'?)",
                dir + "/misspelt.yaml:2:1: unknown key 'shedule' (did you mean 'schedule'?)",
                dir + "/unknown-step.yaml:5:5: unknown step kind 'tap': a browser step is one of goto, click, fill, press, select, expect",
                dir + "/zz-duplicate.yaml:1:10: journey 'login' is already defined at " + dir + "/login.yaml:1:10: ids must be unique across files");
        assertThat(result.definitions().journeys()).extracting(Journey::id)
                .containsExactly("catalog-api", "checkout", "login", "search");
        assertThat(result.definitions().slos()).hasSize(6);
    }

    @Test
    @DisplayName("a Latin-1 file and a binary file are each one problem at their first bad byte, and the good definitions still load")
    void filesThatAreNotUtf8(@TempDir Path folder) throws IOException {
        for (Path example : java.nio.file.Files.list(EXAMPLES).toList()) {
            java.nio.file.Files.copy(example, folder.resolve(example.getFileName()));
        }
        java.nio.file.Files.write(folder.resolve("latin1.yaml"),
                "journey: cafe\ndescription: caf\u00e9 order\nsteps:\n  - goto: /\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        java.nio.file.Files.write(folder.resolve("binary.yml"), new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff});

        LoadResult result = DefinitionLoader.loadFolder(folder);

        String dir = folder.toString();
        assertThat(result.problems()).map(Object::toString).containsExactly(
                dir + "/binary.yml:1:2: not UTF-8 text (byte 0x8B): save the file as UTF-8",
                dir + "/latin1.yaml:2:17: not UTF-8 text (byte 0xE9): save the file as UTF-8");
        assertThat(result.definitions().journeys()).extracting(Journey::id)
                .containsExactly("catalog-api", "checkout", "login", "search");
    }

    private static void write(Path folder, String name, String text) throws IOException {
        java.nio.file.Files.writeString(folder.resolve(name), text);
    }

    @Test
    @DisplayName("a folder that does not exist is one problem, not an exception")
    void missingFolder() {
        assertThat(DefinitionLoader.loadFolder(Path.of("no-such-folder")).problems()).map(Object::toString)
                .isEqualTo(List.of("no-such-folder:1:1: not a folder: give the folder that holds the definitions"));
    }
}
