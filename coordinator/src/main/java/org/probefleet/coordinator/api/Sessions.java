package org.probefleet.coordinator.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard sign-ins: a person who typed the read (or admin) token into the login form gets a
 * random session id in an HttpOnly, SameSite=Strict cookie, so a browser can open the pages
 * without sending a bearer header. Sessions live in memory and end after {@link #LIFETIME}.
 */
final class Sessions {

    static final String COOKIE = "probefleet_session";
    static final Duration LIFETIME = Duration.ofHours(12);
    /** More live sessions than this means someone is minting them; the oldest-expiring go first. */
    static final int MAX_SESSIONS = 10_000;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    Sessions(Clock clock) {
        this.clock = clock;
    }

    String open() {
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !expiry.isAfter(now));
        if (expiries.size() >= MAX_SESSIONS) {
            expiries.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(oldest -> expiries.remove(oldest.getKey()));
        }
        byte[] id = new byte[32];
        random.nextBytes(id);
        String session = HexFormat.of().formatHex(id);
        expiries.put(session, now.plus(LIFETIME));
        return session;
    }

    boolean valid(String session) {
        Instant expiry = session == null ? null : expiries.get(session);
        return expiry != null && expiry.isAfter(clock.instant());
    }

    void close(String session) {
        if (session != null) {
            expiries.remove(session);
        }
    }
}
