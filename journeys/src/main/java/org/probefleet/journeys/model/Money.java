package org.probefleet.journeys.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of money read from text as people write it: {@code $45,000 estimated revenue},
 * {@code €1200.50}, {@code 45000 USD}, {@code EUR 45,000}. The currency comes from a symbol or an
 * ISO 4217 code next to the amount; none means the text does not say.
 */
public record Money(double amount, Optional<String> currency) {

    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY", "₹", "INR");
    /** An optional symbol or code, a number with thousands separators and decimals, an optional code; then any words. */
    private static final Pattern MONEY = Pattern.compile(
            "\\s*([$€£¥₹]|[A-Z]{3}\\s)?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*([A-Z]{3}\\b)?\\s*([^\\d$€£¥₹]*)");

    public Money {
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("an amount of money must be a finite number of at least 0, got " + amount);
        }
    }

    /** The amount and currency of {@code text}; empty when it does not start with one amount. */
    public static Optional<Money> parse(String text) {
        Matcher matcher = MONEY.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String prefix = matcher.group(1) == null ? null : matcher.group(1).strip();
        String suffix = matcher.group(4);
        if (prefix != null && suffix != null) {
            return Optional.empty();
        }
        String digits = matcher.group(2).replace(",", "") + (matcher.group(3) == null ? "" : matcher.group(3));
        String code = prefix == null ? suffix : SYMBOLS.getOrDefault(prefix, prefix);
        return Optional.of(new Money(new BigDecimal(digits).doubleValue(), Optional.ofNullable(code)));
    }
}
