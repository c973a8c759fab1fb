package org.probefleet.coordinator.slo;

/** Good and bad events in a window. Prober errors and shadow runs are never counted here. */
public record Counts(long good, long bad) {

    public static final Counts ZERO = new Counts(0, 0);

    public long total() {
        return good + bad;
    }

    public Counts plus(Counts other) {
        return new Counts(good + other.good, bad + other.bad);
    }

    /** bad / total, or 0 when the window has no events (nothing happened, nothing burned). */
    public double errorRatio() {
        return total() == 0 ? 0.0 : (double) bad / total();
    }

    /** good / total, or NaN when the window has no events. */
    public double sli() {
        return total() == 0 ? Double.NaN : (double) good / total();
    }
}
