package org.probefleet.coordinator.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Section;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code alerting:} part of {@code coordinator.yaml}, with the flags and variables that
 * override it: {@code alerting.alertmanager} and {@code alerting.webhooks} (comma-separated URLs; such
 * webhooks are Slack-compatible and get every severity), {@code alerting.dashboard_url} and
 * {@code alerting.pagerduty_routing_key_file}.
 */
final class AlertingSection {

    static final List<String> KEYS = List.of("alertmanager", "pagerduty", "webhooks", "dashboard_url", "fleet_owner");
    /** PagerDuty gets pages and tickets unless its entry says otherwise: notices are not incidents. */
    static final Set<Severity> PAGER_SEVERITIES = Set.of(Severity.PAGE, Severity.TICKET);

    private AlertingSection() {
    }

    static AlertingConfig read(Optional<Section> file, Map<String, String> overrides, Diagnostics diagnostics) {
        file.ifPresent(section -> section.allowOnly(KEYS));
        List<URI> alertmanagers = new ArrayList<>();
        if (overrides.containsKey("alerting.alertmanager")) {
            for (String url : overrides.get("alerting.alertmanager").split(",")) {
                url(url.strip(), "alertmanager", at -> diagnostics.error(1, 1, at)).ifPresent(alertmanagers::add);
            }
        } else {
            file.flatMap(section -> section.list("alertmanager")).ifPresent(items -> items.forEach(item ->
                    Section.text(item, diagnostics, "an alertmanager URL").flatMap(url ->
                            url(url, "alertmanager", message -> diagnostics.error(item, message))).ifPresent(alertmanagers::add)));
        }
        Optional<AlertingConfig.PagerDuty> pagerDuty = pagerDuty(file, overrides, diagnostics);
        List<AlertingConfig.Webhook> webhooks = new ArrayList<>();
        if (overrides.containsKey("alerting.webhooks")) {
            for (String url : overrides.get("alerting.webhooks").split(",")) {
                url(url.strip(), "webhook", message -> diagnostics.error(1, 1, message)).ifPresent(uri ->
                        webhooks.add(new AlertingConfig.Webhook(uri, AlertingConfig.ALL_SEVERITIES, AlertingConfig.Webhook.Format.SLACK)));
            }
        } else {
            file.flatMap(section -> section.list("webhooks")).ifPresent(items -> items.forEach(item ->
                    Section.of(item, diagnostics, "a webhook").flatMap(AlertingSection::webhook).ifPresent(webhooks::add)));
        }
        Optional<URI> dashboard;
        if (overrides.containsKey("alerting.dashboard_url")) {
            dashboard = url(overrides.get("alerting.dashboard_url"), "dashboard_url", message -> diagnostics.error(1, 1, message));
        } else {
            dashboard = file.flatMap(section -> section.text("dashboard_url").flatMap(url ->
                    url(url, "dashboard_url", message -> diagnostics.error(section.node("dashboard_url").orElseThrow(), message))));
        }
        String owner = Optional.ofNullable(overrides.get("alerting.fleet_owner"))
                .or(() -> file.flatMap(section -> section.text("fleet_owner"))).orElse(AlertingConfig.DEFAULT_FLEET_OWNER);
        return new AlertingConfig(alertmanagers, pagerDuty, webhooks, dashboard, owner);
    }

    private static Optional<AlertingConfig.PagerDuty> pagerDuty(Optional<Section> file, Map<String, String> overrides,
                                                               Diagnostics diagnostics) {
        Optional<Section> section = file.flatMap(alerting -> alerting.section("pagerduty"));
        section.ifPresent(pd -> pd.allowOnly(List.of("routing_key_file", "url", "severities")));
        Optional<String> key;
        if (overrides.containsKey("alerting.pagerduty_routing_key_file")) {
            key = ConfigLoader.readToken(Path.of(overrides.get("alerting.pagerduty_routing_key_file")), null, diagnostics);
        } else if (section.isPresent()) {
            Section pd = section.get();
            key = pd.requiredText("routing_key_file", "pagerduty")
                    .flatMap(path -> ConfigLoader.readToken(Path.of(path), pd.node("routing_key_file").orElseThrow(), diagnostics));
        } else {
            return Optional.empty();
        }
        URI url = section.flatMap(pd -> pd.text("url").flatMap(text ->
                url(text, "pagerduty url", message -> diagnostics.error(pd.node("url").orElseThrow(), message))))
                .orElse(AlertingConfig.DEFAULT_PAGERDUTY_URL);
        Set<Severity> severities = section.map(pd -> severities(pd, PAGER_SEVERITIES)).orElse(PAGER_SEVERITIES);
        return key.map(routingKey -> new AlertingConfig.PagerDuty(routingKey, url, severities));
    }

    private static Optional<AlertingConfig.Webhook> webhook(Section hook) {
        hook.allowOnly(List.of("url", "severities", "format"));
        Optional<URI> url = hook.requiredText("url", "webhook").flatMap(text ->
                url(text, "webhook url", message -> hook.diagnostics().error(hook.node("url").orElseThrow(), message)));
        AlertingConfig.Webhook.Format format = AlertingConfig.Webhook.Format.SLACK;
        Optional<String> formatName = hook.text("format");
        if (formatName.isPresent()) {
            try {
                format = AlertingConfig.Webhook.Format.valueOf(formatName.get().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                hook.diagnostics().error(hook.node("format").orElseThrow(),
                        "format '" + formatName.get() + "' is not known: use slack (text and blocks) or json");
            }
        }
        Set<Severity> severities = severities(hook, AlertingConfig.ALL_SEVERITIES);
        AlertingConfig.Webhook.Format chosen = format;
        return url.map(uri -> new AlertingConfig.Webhook(uri, severities, chosen));
    }

    private static Set<Severity> severities(Section section, Set<Severity> fallback) {
        Optional<List<Node>> items = section.list("severities");
        if (items.isEmpty()) {
            return fallback;
        }
        Set<Severity> severities = new HashSet<>();
        for (Node item : items.get()) {
            Section.text(item, section.diagnostics(), "a severity").ifPresent(severity -> {
                Optional<Severity> known = Severity.fromWire(severity);
                if (known.isPresent()) {
                    severities.add(known.get());
                } else {
                    section.diagnostics().error(item, "severity '" + severity + "' is not known: use "
                            + String.join(", ", Arrays.stream(Severity.values()).map(Severity::wireName).toList()));
                }
            });
        }
        return severities;
    }

    private static Optional<URI> url(String text, String what, Consumer<String> report) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below, with what to write instead
        }
        report.accept(what + " '" + text + "' must be an http:// or https:// URL like http://127.0.0.1:9093");
        return Optional.empty();
    }
}
