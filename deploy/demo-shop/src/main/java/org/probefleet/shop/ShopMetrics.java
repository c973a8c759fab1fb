package org.probefleet.shop;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The shop's business counters on {@code /metrics}, what a ratio SLO divides:
 * {@code checkout_started_total} (checkout page views) and {@code purchase_completed_total}
 * (orders placed). Probes are left out of both, so the ratio is real users' completion, the
 * ground truth the probes are checked against; the agents count their own runs.
 */
final class ShopMetrics {

    /** Micrometer names; Prometheus adds {@code _total}. */
    static final String CHECKOUT_STARTED = "checkout.started";
    static final String PURCHASE_COMPLETED = "purchase.completed";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter started = Counter.builder(CHECKOUT_STARTED)
            .description("Checkout pages real users opened (probes excluded)").register(registry);
    private final Counter completed = Counter.builder(PURCHASE_COMPLETED)
            .description("Orders real users placed (probes excluded)").register(registry);

    void checkoutStarted(boolean probe) {
        if (!probe) {
            started.increment();
        }
    }

    void purchaseCompleted(boolean probe) {
        if (!probe) {
            completed.increment();
        }
    }

    /** The Prometheus text exposition. */
    String scrape() {
        return registry.scrape();
    }
}
