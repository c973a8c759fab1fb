package org.probefleet.coordinator.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.probefleet.coordinator.config.CoordinatorConfig;

/**
 * Bearer tokens, kept only as SHA-256 hashes and compared in constant time: a heap dump or a
 * log line never shows one, and a timing probe learns nothing.
 */
public final class Tokens {

    /** Who a token belongs to: an agent bound to one region, or the admin, read or deploy role (CI marking deploys). */
    public record Identity(Role role, String agent, String region) {
        public enum Role {
            AGENT, ADMIN, READ, DEPLOY
        }
    }

    private record Entry(byte[] hash, Identity identity) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public Tokens(CoordinatorConfig config) {
        for (CoordinatorConfig.Agent agent : config.agents()) {
            entries.add(new Entry(hash(agent.token()), new Identity(Identity.Role.AGENT, agent.name(), agent.region())));
        }
        config.adminToken().ifPresent(token -> entries.add(new Entry(hash(token), new Identity(Identity.Role.ADMIN, "admin", ""))));
        config.readToken().ifPresent(token -> entries.add(new Entry(hash(token), new Identity(Identity.Role.READ, "read", ""))));
        config.deployToken().ifPresent(token -> entries.add(new Entry(hash(token), new Identity(Identity.Role.DEPLOY, "deploy", ""))));
    }

    /** The identity behind an {@code Authorization: Bearer …} header, if the token is known. */
    public Optional<Identity> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = hash(authorization.substring(7).trim());
        Identity found = null;
        for (Entry entry : entries) {
            // Every entry is compared so the time taken does not depend on which one matches.
            if (MessageDigest.isEqual(entry.hash(), presented) && found == null) {
                found = entry.identity();
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean readProtected() {
        return entries.stream().anyMatch(entry -> entry.identity().role() == Identity.Role.READ);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
