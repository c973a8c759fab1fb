package org.probefleet.journeys.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    @DisplayName("a text splits into literals and env, secret and variable references")
    void parsesReferences() {
        Template template = Template.parse("${env:SHOP_URL:-http://localhost:8088}/cart/${cart_id}?t=${secret:TOKEN}");

        assertThat(template.parts()).containsExactly(new Template.Env("SHOP_URL", "http://localhost:8088"),
                new Template.Literal("/cart/"), new Template.Variable("cart_id"), new Template.Literal("?t="),
                new Template.Secret("TOKEN"));
        assertThat(template.hasSecrets()).isTrue();
        assertThat(template.variables()).containsExactly("cart_id");
    }

    @Test
    @DisplayName("rendering substitutes each reference through the resolver")
    void renders() {
        Map<String, String> values = Map.of("cart_id", "c-1", "TOKEN", "s3cr3t");
        String rendered = Template.parse("/cart/${cart_id}?t=${secret:TOKEN}&u=${env:NOPE:-x}").render(part -> {
            if (part instanceof Template.Variable variable) {
                return values.get(variable.name());
            }
            if (part instanceof Template.Secret secret) {
                return values.get(secret.name());
            }
            return ((Template.Env) part).fallback();
        });

        assertThat(rendered).isEqualTo("/cart/c-1?t=s3cr3t&u=x");
    }

    @Test
    @DisplayName("a malformed reference names itself and its offset")
    void rejectsMalformed() {
        assertThatThrownBy(() -> Template.parse("ab${env:}")).isInstanceOfSatisfying(Template.SyntaxException.class,
                e -> assertThat(e.offset()).isEqualTo(2)).hasMessageStartingWith("malformed reference '${env:}'");
        assertThatThrownBy(() -> Template.parse("${x")).hasMessage("unclosed reference '${x': close it with }");
    }
}
