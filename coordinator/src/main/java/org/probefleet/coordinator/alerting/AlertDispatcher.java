package org.probefleet.coordinator.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.coordinator.group.Leadership;
import org.probefleet.coordinator.slo.EngineMemory;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.coordinator.slo.EngineEvent;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.wire.client.Backoff;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerting's edge: after every evaluation it turns the engine's snapshots and the fleet's
 * heartbeats into what should fire, reconciles that with what on-call was told, saves the
 * result, and sends the changes — to every Alertmanager replica at once (and all firing alerts
 * again every minute), to PagerDuty and to the webhooks, each in order with retries. All of it
 * runs on one thread, so the book needs no locks.
 */
public final class AlertDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    /** Alertmanager forgets an alert not re-sent within its resolve_timeout (5 min by default). */
    public static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);
    /** How far back failures are read to name the failing step and its most common error. */
    static final Duration CAUSE_WINDOW = Duration.ofHours(1);
    static final int CAUSE_SAMPLE = 200;
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    private final AlertingConfig config;
    private final OutcomeStore store;
    private final Clock clock;
    private final List<FleetHealth.Expected> expectedAgents;
    private final BiConsumer<Receiver, DeliveryResult> results;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "probefleet-alerting");
        named.setDaemon(true);
        return named;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(DeliveryQueue.TIMEOUT).build();
    private final Leadership leadership;
    /** Replaced when this coordinator takes the lead of a group; touched on the alerting thread only, like the book. */
    private FleetHealth fleet;
    private AlertBook book;
    private final Optional<DeliveryQueue> pagerDuty;
    private final Map<AlertingConfig.Webhook, DeliveryQueue> webhooks = new LinkedHashMap<>();
    private final Set<URI> unreachable = new HashSet<>();
    /** The engine's memory at the latest evaluation, saved with the book; on the alerting thread. */
    private EngineMemory latestEngine;
    /** Whether the state last saved lists notifications still to be delivered. */
    private boolean savedUndelivered;
    private volatile AlertComposer composer;
    private volatile String dashboard;

    /**
     * @param saved   what was saved before a restart (the engine's part is restored by the caller)
     * @param leadership whether this coordinator tells on-call, and where the state it acts on is saved
     * @param results told how every delivery attempt to every receiver ended, for metrics
     */
    public AlertDispatcher(AlertingConfig config, OutcomeStore store, Clock clock, List<FleetHealth.Expected> expectedAgents,
                           Optional<AlertState> saved, Leadership leadership, BiConsumer<Receiver, DeliveryResult> results) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.expectedAgents = List.copyOf(expectedAgents);
        this.leadership = leadership;
        this.results = results;
        restore(saved);
        this.pagerDuty = config.pagerDuty().map(pd -> new DeliveryQueue(Receiver.PAGERDUTY, pd.url(), client, thread, BACKOFF, results,
                this::delivered));
        config.webhooks().forEach(hook -> webhooks.put(hook,
                new DeliveryQueue(Receiver.WEBHOOK, hook.url(), client, thread, BACKOFF, results, this::delivered)));
    }

    private void restore(Optional<AlertState> saved) {
        fleet = new FleetHealth(config.fleetOwner(), clock.instant(), saved.map(state -> state.firing().stream()
                .filter(alert -> FleetHealth.AGENT_DOWN.equals(alert.labels().get("alertname")))
                .map(alert -> alert.labels().get("agent")).collect(java.util.stream.Collectors.toSet())).orElse(Set.of()));
        book = saved.map(state -> new AlertBook(state.firing(), state.ended())).orElseGet(AlertBook::new);
    }

    /**
     * Takes over what the previous leader of the group saved (what fires, what on-call was told),
     * so this coordinator neither tells again what was told nor misses what is due. Returns once
     * the book is replaced, before the next evaluation is acted on.
     */
    public void takeOver(Optional<AlertState> saved) {
        CompletableFuture.runAsync(() -> {
            restore(saved);
            // What the previous leader queued and did not see delivered: sent now, at least once (PagerDuty folds a repeat by its dedup key).
            for (AlertState.Undelivered waiting : saved.map(AlertState::undelivered).orElse(List.of())) {
                queues().filter(queue -> queue.url().equals(waiting.to())).findFirst().ifPresentOrElse(queue -> queue.offer(waiting.body()),
                        () -> LOG.warn("a notification the previous leader queued for {} is dropped: no such receiver is configured",
                                waiting.to().getAuthority()));
            }
        }, thread).join();
    }

    private java.util.stream.Stream<DeliveryQueue> queues() {
        return java.util.stream.Stream.concat(pagerDuty.stream(), webhooks.values().stream());
    }

    /** Reads the saved state; unreadable state is logged and alerting starts fresh. */
    public static Optional<AlertState> saved(OutcomeStore store) {
        return store.setting(AlertState.SETTING).flatMap(json -> {
            try {
                return Optional.of(AlertState.fromJson(json));
            } catch (IOException e) {
                LOG.warn("saved alert state cannot be read ({}); alerting starts with nothing firing", e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** Starts the minute re-send to Alertmanager; {@code dashboard} is where alerts link to unless configured. */
    public void start(URI defaultDashboard) {
        dashboard = config.dashboardUrl().orElse(defaultDashboard).toString().replaceAll("/+$", "");
        composer = new AlertComposer(URI.create(dashboard), config.fleetOwner());
        if (!config.alertmanagers().isEmpty()) {
            thread.scheduleAtFixedRate(() -> postToAlertmanagers(leadership.leading() ? book.forAlertmanager(clock.instant()) : List.of()),
                    RESEND_INTERVAL.toMillis(), RESEND_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * After each evaluation: what fires now, the engine's events of this evaluation, its memory
     * to save with them and the agents' last heartbeats. Returns when the changes are queued.
     */
    public CompletableFuture<List<AlertBook.Change>> evaluated(Collection<SloSnapshot> snapshots, List<EngineEvent> events,
                                                              EngineMemory engine,
                                                              List<AgentRegistry.Heartbeat> heartbeats, Duration heartbeatTimeout) {
        if (composer == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        Instant now = clock.instant();
        return CompletableFuture.supplyAsync(() -> {
            List<Notification> wanted = new ArrayList<>();
            Map<String, SloSnapshot> bySlo = new LinkedHashMap<>();
            List<Deploy> recent = recentDeploys(now);
            for (SloSnapshot snapshot : snapshots) {
                bySlo.put(snapshot.slo().name(), snapshot);
                Optional<Deploy> deploy = recent.stream().filter(one -> one.affects(snapshot.slo().name(), snapshot.slo().indicator().measuredJourney()))
                        .reduce((earlier, later) -> later);
                composer.firing(snapshot, (journey, scope) -> cause(journey, scope, now))
                        .forEach(alert -> wanted.add(deploy.map(one -> AlertComposer.afterDeploy(alert, one)).orElse(alert)));
            }
            wanted.addAll(fleet.firing(expectedAgents, heartbeats, heartbeatTimeout, now, dashboard + "/"));
            List<Notification> notices = new ArrayList<>();
            for (EngineEvent event : events) {
                Optional.ofNullable(bySlo.get(event.slo())).flatMap(snapshot -> composer.notice(event, snapshot)).ifPresent(notices::add);
            }
            List<AlertBook.Change> changes = book.reconcile(wanted, notices, now);
            List<Delivery> deliveries = deliveries(changes);
            latestEngine = engine;
            if ((!changes.isEmpty() || !events.isEmpty()) && !save(deliveries)) {
                // Another member leads now and acts on what it loaded: telling on-call here too would tell twice.
                LOG.warn("this coordinator lost the lead before it could save {} alert change(s); the new leader sends them", changes.size());
                return List.<AlertBook.Change>of();
            }
            deliveries.forEach(delivery -> delivery.queue().offer(delivery.body()));
            postToAlertmanagers(forAlertmanager(changes, now));
            return changes;
        }, thread).whenComplete((changes, error) -> {
            if (error != null) {
                LOG.error("alerting could not act on this evaluation; the next one tries again", error);
            }
        });
    }

    /** The deploys of the last {@link AlertComposer#NAMES_DEPLOY_WITHIN}, oldest first; none when the store cannot say. */
    private List<Deploy> recentDeploys(Instant now) {
        try {
            return store.deploys(now.minus(AlertComposer.NAMES_DEPLOY_WITHIN), now.plusMillis(1));
        } catch (RuntimeException e) {
            LOG.warn("cannot read recent deploys; alerts are sent without naming one", e);
            return List.of();
        }
    }

    private Optional<Cause> cause(String journey, String scope, Instant now) {
        try {
            return Cause.mostCommon(store.list(new OutcomeStore.Query(Optional.of(journey),
                    scope.equals(ScopeResult.GLOBAL) ? Optional.empty() : Optional.of(scope), Optional.of(OutcomeStatus.FAILURE),
                    Optional.of(now.minus(CAUSE_WINDOW)), Optional.empty(), CAUSE_SAMPLE)));
        } catch (RuntimeException e) {
            LOG.warn("cannot read recent failures of {} for an alert; it is sent without its failing step", journey, e);
            return Optional.empty();
        }
    }

    /**
     * Saves what fires, what was told and what is still to be delivered (the queues and {@code planned}) before any of
     * it is sent; false only when another member of the group took the lead.
     */
    private boolean save(List<Delivery> planned) {
        List<AlertState.Undelivered> undelivered = new ArrayList<>();
        queues().forEach(queue -> queue.pending().forEach(body -> undelivered.add(new AlertState.Undelivered(queue.url(), body))));
        planned.forEach(delivery -> undelivered.add(new AlertState.Undelivered(delivery.queue().url(), delivery.body())));
        try {
            boolean saved = leadership.save(AlertState.SETTING, new AlertState(latestEngine, book.firing(), book.ended(), undelivered).toJson());
            savedUndelivered = !undelivered.isEmpty();
            return saved;
        } catch (RuntimeException e) {
            LOG.error("cannot save the alert state; a restart now could re-send or miss a resolve", e);
            return true;
        }
    }

    /** A queued notification was delivered (or given up): the saved state stops listing it as waiting. */
    private void delivered() {
        if (savedUndelivered && latestEngine != null) {
            save(List.of());
        }
    }

    /** A body for one receiver's queue. */
    private record Delivery(DeliveryQueue queue, String body) {
    }

    /** What each change sends to PagerDuty and the webhooks, logging each change. */
    private List<Delivery> deliveries(List<AlertBook.Change> changes) {
        List<Delivery> deliveries = new ArrayList<>();
        for (AlertBook.Change change : changes) {
            LOG.info("alert {}: {} [{}]", Payloads.status(change), change.alert().summary(), change.alert().dedupKey());
            boolean notice = change instanceof AlertBook.Change.Notice;
            boolean inhibited = change instanceof AlertBook.Change.Resolved resolved && resolved.inhibited();
            Severity severity = change.alert().severity();
            config.pagerDuty().filter(pd -> !notice && pd.severities().contains(severity)).ifPresent(pd ->
                    deliveries.add(new Delivery(pagerDuty.orElseThrow(), Payloads.pagerDuty(change, pd.routingKey()))));
            webhooks.forEach((hook, queue) -> {
                if (!inhibited && hook.severities().contains(severity)) {
                    deliveries.add(new Delivery(queue, hook.format() == AlertingConfig.Webhook.Format.SLACK
                            ? Payloads.slack(change) : Payloads.json(change)));
                }
            });
        }
        return deliveries;
    }

    private static List<Notification> forAlertmanager(List<AlertBook.Change> changes, Instant now) {
        List<Notification> alerts = new ArrayList<>();
        for (AlertBook.Change change : changes) {
            if (change instanceof AlertBook.Change.Escalated escalated) {
                alerts.add(escalated.from().endingAt(now));
            }
            alerts.add(change.alert());
        }
        return alerts;
    }

    /** Every replica gets every alert: they deduplicate among themselves, a load balancer would split them. */
    private void postToAlertmanagers(List<Notification> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        String body = Payloads.alertmanager(alerts);
        for (URI alertmanager : config.alertmanagers()) {
            URI url = URI.create(alertmanager.toString().replaceAll("/+$", "") + "/api/v2/alerts");
            HttpRequest request = HttpRequest.newBuilder(url).timeout(DeliveryQueue.TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> thread.execute(() -> {
                boolean ok = error == null && response.statusCode() / 100 == 2;
                results.accept(Receiver.ALERTMANAGER, ok ? DeliveryResult.SENT : DeliveryResult.RETRIED);
                if (ok) {
                    if (unreachable.remove(alertmanager)) {
                        LOG.info("alertmanager {} takes alerts again", alertmanager);
                    }
                } else if (unreachable.add(alertmanager)) {
                    LOG.warn("alertmanager {} did not take {} alert(s) ({}); every firing alert is re-sent each minute", alertmanager,
                            alerts.size(), error != null ? error.toString() : "HTTP " + response.statusCode() + " " + response.body());
                }
            }));
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
