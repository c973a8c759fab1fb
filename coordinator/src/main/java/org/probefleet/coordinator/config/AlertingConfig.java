package org.probefleet.coordinator.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.probefleet.coordinator.slo.Severity;

/**
 * Where alerts go: every Alertmanager replica, PagerDuty, webhooks by severity, and the
 * dashboard the alerts link to. Empty lists send nothing; the alert state is still kept.
 */
public record AlertingConfig(List<URI> alertmanagers, Optional<PagerDuty> pagerDuty, List<Webhook> webhooks,
                             Optional<URI> dashboardUrl, String fleetOwner) {

    public static final URI DEFAULT_PAGERDUTY_URL = URI.create("https://events.pagerduty.com/v2/enqueue");
    /** Who gets no-data and prober health alerts when no one else is named. */
    public static final String DEFAULT_FLEET_OWNER = "probefleet";
    public static final AlertingConfig NONE = new AlertingConfig(List.of(), Optional.empty(), List.of(), Optional.empty(),
            DEFAULT_FLEET_OWNER);

    /** The severities a receiver gets when its entry names none. */
    public static final Set<Severity> ALL_SEVERITIES = Set.of(Severity.PAGE, Severity.TICKET, Severity.INFO);

    public AlertingConfig {
        alertmanagers = List.copyOf(alertmanagers);
        webhooks = List.copyOf(webhooks);
    }

    /** The routing key is a secret: never printed. */
    public record PagerDuty(String routingKey, URI url, Set<Severity> severities) {
        public PagerDuty {
            severities = Set.copyOf(severities);
        }

        @Override
        public String toString() {
            return "PagerDuty[" + url + ", " + severities + "]";
        }
    }

    /** A Slack-compatible ({@code text} and {@code blocks}) or generic JSON receiver. */
    public record Webhook(URI url, Set<Severity> severities, Format format) {
        public enum Format { SLACK, JSON }

        public Webhook {
            severities = Set.copyOf(severities);
        }
    }
}
