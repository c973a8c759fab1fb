package org.probefleet.coordinator.alerting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.probefleet.coordinator.slo.Severity;

/** The bodies each receiver expects: Alertmanager API v2, PagerDuty Events API v2, Slack-compatible and generic JSON webhooks. */
public final class Payloads {

    /** PagerDuty's limit on {@code payload.summary}. */
    static final int PAGERDUTY_SUMMARY_CHARS = 1024;
    /** Annotations shown as fields under a webhook message, in this order. */
    static final List<String> DETAILS = List.of("failing_step", "burn_rates", "budget", "time_to_exhaustion", "impact", "description");

    private Payloads() {
    }

    /** {@code POST /api/v2/alerts}: a JSON array of postable alerts. */
    public static String alertmanager(List<Notification> alerts) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Notification alert : alerts) {
            ObjectNode node = array.addObject();
            putAll(node.putObject("labels"), alert.labels());
            putAll(node.putObject("annotations"), alert.annotations());
            node.put("startsAt", alert.startsAt().toString());
            alert.endsAt().ifPresent(end -> node.put("endsAt", end.toString()));
            alert.annotation("dashboard").ifPresent(link -> node.put("generatorURL", link));
        }
        return array.toString();
    }

    /** An Events API v2 event: trigger for a firing or escalated alert, resolve for a resolved one. */
    public static String pagerDuty(AlertBook.Change change, String routingKey) {
        Notification alert = change.alert();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("routing_key", routingKey);
        event.put("dedup_key", alert.dedupKey());
        if (change instanceof AlertBook.Change.Resolved) {
            event.put("event_action", "resolve");
            return event.toString();
        }
        event.put("event_action", "trigger");
        ObjectNode payload = event.putObject("payload");
        String summary = alert.summary();
        payload.put("summary", summary.length() <= PAGERDUTY_SUMMARY_CHARS ? summary : summary.substring(0, PAGERDUTY_SUMMARY_CHARS - 1) + "…");
        payload.put("source", "probefleet-coordinator");
        payload.put("severity", pagerDutySeverity(alert.severity()));
        payload.put("timestamp", alert.startsAt().toString());
        payload.put("component", alert.labels().getOrDefault("journey", alert.labels().getOrDefault("agent", "probefleet")));
        payload.put("group", alert.labels().getOrDefault("region", "global"));
        payload.put("class", alert.labels().get("alertname"));
        ObjectNode details = payload.putObject("custom_details");
        putAll(details, alert.labels());
        putAll(details, alert.annotations());
        alert.annotation("dashboard").ifPresent(link -> {
            event.putArray("links").addObject().put("href", link).put("text", "Probefleet dashboard");
            event.put("client", "Probefleet");
            event.put("client_url", link);
        });
        return event.toString();
    }

    /** Slack's incoming-webhook shape: {@code text} for notifications, {@code blocks} for the message. */
    public static String slack(AlertBook.Change change) {
        Notification alert = change.alert();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        String headline = "[" + status(change).toUpperCase(Locale.ROOT) + "] " + alert.summary();
        body.put("text", headline);
        ArrayNode blocks = body.putArray("blocks");
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", "*" + escape(headline) + "*");
        ArrayNode fields = JsonNodeFactory.instance.arrayNode();
        for (String name : DETAILS) {
            alert.annotation(name).ifPresent(value -> fields.addObject().put("type", "mrkdwn")
                    .put("text", "*" + name.replace('_', ' ') + "*\n" + escape(value)));
        }
        if (!fields.isEmpty() && !(change instanceof AlertBook.Change.Resolved)) {
            blocks.addObject().put("type", "section").set("fields", fields);
        }
        StringBuilder context = new StringBuilder();
        alert.labels().forEach((name, value) -> context.append(context.isEmpty() ? "" : " · ").append(name).append('=').append(value));
        alert.annotation("dashboard").ifPresent(link -> context.append(" · <").append(link).append("|dashboard>"));
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn").put("text", context.toString());
        return body.toString();
    }

    /** A generic JSON body for any receiver: the change, the labels and annotations, and the times. */
    public static String json(AlertBook.Change change) {
        Notification alert = change.alert();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("version", "1");
        body.put("status", change instanceof AlertBook.Change.Resolved ? "resolved" : "firing");
        body.put("change", status(change));
        body.put("severity", alert.severity().wireName());
        body.put("dedupKey", alert.dedupKey());
        body.put("summary", alert.summary());
        putAll(body.putObject("labels"), alert.labels());
        putAll(body.putObject("annotations"), alert.annotations());
        body.put("startsAt", alert.startsAt().toString());
        alert.endsAt().ifPresent(end -> body.put("endsAt", end.toString()));
        if (change instanceof AlertBook.Change.Escalated escalated) {
            body.put("previousSeverity", escalated.from().severity().wireName());
        }
        return body.toString();
    }

    /** fired → "page"/"ticket", escalated → "escalated to page", resolved, notice → "info". */
    static String status(AlertBook.Change change) {
        if (change instanceof AlertBook.Change.Resolved) {
            return "resolved";
        }
        if (change instanceof AlertBook.Change.Escalated escalated) {
            return (escalated.alert().severity() == Severity.PAGE ? "escalated to " : "down to ")
                    + escalated.alert().severity().wireName();
        }
        return change.alert().severity().wireName();
    }

    /** Events API v2 severities: a page is critical, a ticket a warning, a notice info. */
    private static String pagerDutySeverity(Severity severity) {
        return switch (severity) {
            case PAGE -> "critical";
            case TICKET -> "warning";
            case INFO -> "info";
        };
    }

    private static void putAll(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }

    /** Slack's mrkdwn treats &, < and > as control characters. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
