package org.probefleet.journeys.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource({
            // ** crosses folders, and **/ may stand for no folder at all
            "services/payment/**, services/payment/x.java, true",
            "services/payment/**, services/payment/api/Charge.java, true",
            "services/payment/**, services/payments/x.java, false",
            "services/**/Charge.java, services/Charge.java, true",
            "services/**/Charge.java, services/payment/api/Charge.java, true",
            // * and ? stay within one folder
            "web/*.ts, web/cart.ts, true",
            "web/*.ts, web/checkout/cart.ts, false",
            "db/V?__*.sql, db/V7__orders.sql, true",
            "db/V?__*.sql, db/V12__orders.sql, false",
            // the whole path must match; a leading ./ is the same path
            "services/payment/**, other/services/payment/x.java, false",
            "services/payment/**, ./services/payment/x.java, true",
            "pom.xml, pom.xml, true"})
    void matches(String pattern, String path, boolean expected) {
        assertThat(new PathGlob(pattern).matches(path)).isEqualTo(expected);
    }
}
