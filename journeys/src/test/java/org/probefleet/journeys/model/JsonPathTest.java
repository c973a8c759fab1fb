package org.probefleet.journeys.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    final Map<String, Object> document = Map.of("products", List.of(Map.of("id", "lamp-01", "tags", List.of("a", "b"))),
            "total items", 3);

    @Test
    @DisplayName("fields, quoted fields, indexes and a final length() are evaluated")
    void evaluates() {
        assertThat(JsonPath.parse("$.products[0].id").evaluate(document)).contains("lamp-01");
        assertThat(JsonPath.parse("$['total items']").evaluate(document)).contains(3);
        assertThat(JsonPath.parse("$.products[0].tags.length()").evaluate(document)).contains(2);
        assertThat(JsonPath.parse("$").evaluate(document)).contains(document);
    }

    @Test
    @DisplayName("a missing field or index is empty, not an error")
    void missingIsEmpty() {
        assertThat(JsonPath.parse("$.products[5].id").evaluate(document)).isEmpty();
        assertThat(JsonPath.parse("$.nope").evaluate(document)).isEmpty();
    }

    @Test
    @DisplayName("malformed paths say what is wrong")
    void rejectsMalformed() {
        assertThatThrownBy(() -> JsonPath.parse("$.a[x]")).hasMessage(
                "JSON path '$.a[x]': [x] must be an index like [0] or a name like ['id']");
        assertThatThrownBy(() -> JsonPath.parse("$.a.length().b")).hasMessage("JSON path '$.a.length().b': .length() must come last");
    }
}
