package org.probefleet.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.coordinator.store.SettingsJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Release-gate overrides, set with the admin token with a reason, a person and an expiry, and
 * the audit log of every override, clearance and expiry. Both live in the store, so they
 * survive restarts; the log keeps the latest {@link #AUDIT_KEPT} entries.
 */
public final class GateOverrides {

    private static final Logger LOG = LoggerFactory.getLogger(GateOverrides.class);
    static final String OVERRIDES_SETTING = "gate.overrides";
    static final String AUDIT_SETTING = "gate.audit";
    public static final int AUDIT_KEPT = 500;

    /** The gate's answer for {@code slo} is {@code allowed} until {@code expires}, whatever the policy says. */
    public record Override(String slo, boolean allowed, String reason, String by, Instant at, Instant expires) {
    }

    /** One line of the audit log: {@code action} is override, cleared or expired. */
    public record Entry(Instant at, String slo, String action, String by, String reason, Optional<Boolean> allowed,
                        Optional<Instant> expires) {
    }

    private final OutcomeStore store;
    private final Clock clock;
    private final Map<String, Override> overrides = new LinkedHashMap<>();
    private final List<Entry> audit = new ArrayList<>();

    public GateOverrides(OutcomeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        reload();
    }

    /** Reads the overrides and the audit log from the store again: another coordinator of a group may have changed them. */
    public synchronized void reload() {
        try {
            Optional<String> saved = store.setting(OVERRIDES_SETTING);
            Optional<String> log = store.setting(AUDIT_SETTING);
            List<Override> read = saved.isPresent() ? readOverrides(saved.get()) : List.of();
            List<Entry> entries = log.isPresent() ? readAudit(log.get()) : List.of();
            overrides.clear();
            read.forEach(o -> overrides.put(o.slo(), o));
            audit.clear();
            audit.addAll(entries);
        } catch (IOException e) {
            LOG.warn("saved gate overrides cannot be read ({}); keeping those known", e.getMessage());
        }
    }

    /** The override in force for {@code slo}; one that ran out is removed and logged as expired. */
    public synchronized Optional<Override> active(String slo) {
        Override override = overrides.get(slo);
        if (override == null) {
            return Optional.empty();
        }
        if (!override.expires().isAfter(clock.instant())) {
            overrides.remove(slo);
            log(new Entry(override.expires(), slo, "expired", override.by(), override.reason(), Optional.of(override.allowed()),
                    Optional.of(override.expires())));
            return Optional.empty();
        }
        return Optional.of(override);
    }

    public synchronized Override set(String slo, boolean allowed, String reason, String by, Instant expires) {
        reload();
        Override override = new Override(slo, allowed, reason, by, clock.instant(), expires);
        overrides.put(slo, override);
        log(new Entry(override.at(), slo, "override", by, reason, Optional.of(allowed), Optional.of(expires)));
        return override;
    }

    /** Removes the override of {@code slo}; false when there was none. */
    public synchronized boolean clear(String slo, String by, String reason) {
        reload();
        Override removed = overrides.remove(slo);
        if (removed == null) {
            return false;
        }
        log(new Entry(clock.instant(), slo, "cleared", by, reason, Optional.empty(), Optional.empty()));
        return true;
    }

    /** The audit log, newest first. */
    public synchronized List<Entry> audit() {
        List<Entry> newestFirst = new ArrayList<>(audit);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private void log(Entry entry) {
        audit.add(entry);
        while (audit.size() > AUDIT_KEPT) {
            audit.remove(0);
        }
        LOG.info("gate {} for {} by {}: {}", entry.action(), entry.slo(), entry.by(), entry.reason());
        ArrayNode overrideNodes = JsonNodeFactory.instance.arrayNode();
        overrides.values().forEach(o -> overrideNodes.addObject().put("slo", o.slo()).put("allowed", o.allowed()).put("reason", o.reason())
                .put("by", o.by()).put("at", o.at().toString()).put("expires", o.expires().toString()));
        ArrayNode entries = JsonNodeFactory.instance.arrayNode();
        audit.forEach(e -> entries.add(json(e)));
        store.saveSetting(OVERRIDES_SETTING, overrideNodes.toString());
        store.saveSetting(AUDIT_SETTING, entries.toString());
    }

    public static ObjectNode json(Entry entry) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("at", entry.at().toString()).put("slo", entry.slo())
                .put("action", entry.action()).put("by", entry.by()).put("reason", entry.reason());
        entry.allowed().ifPresent(allowed -> node.put("allowed", allowed));
        entry.expires().ifPresent(expires -> node.put("expires", expires.toString()));
        return node;
    }

    private static List<Override> readOverrides(String json) throws IOException {
        List<Override> read = new ArrayList<>();
        for (JsonNode node : SettingsJson.read(json)) {
            read.add(new Override(node.path("slo").asText(), node.path("allowed").asBoolean(), node.path("reason").asText(),
                    node.path("by").asText(), instant(node, "at"), instant(node, "expires")));
        }
        return read;
    }

    private static List<Entry> readAudit(String json) throws IOException {
        List<Entry> read = new ArrayList<>();
        for (JsonNode node : SettingsJson.read(json)) {
            read.add(new Entry(instant(node, "at"), node.path("slo").asText(), node.path("action").asText(), node.path("by").asText(),
                    node.path("reason").asText(), node.has("allowed") ? Optional.of(node.path("allowed").asBoolean()) : Optional.empty(),
                    node.has("expires") ? Optional.of(instant(node, "expires")) : Optional.empty()));
        }
        return read;
    }

    private static Instant instant(JsonNode node, String field) throws IOException {
        try {
            return Instant.parse(node.path(field).asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException("bad time in " + field + ": " + node.path(field).asText(), e);
        }
    }
}
