package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.util.List;

/** A burn-rate window, named as it appears in APIs, metric labels and replay output. */
public record Window(String name, Duration length) {

    public static final Window M5 = new Window("5m", Duration.ofMinutes(5));
    public static final Window M30 = new Window("30m", Duration.ofMinutes(30));
    public static final Window H1 = new Window("1h", Duration.ofHours(1));
    public static final Window H2 = new Window("2h", Duration.ofHours(2));
    public static final Window H6 = new Window("6h", Duration.ofHours(6));
    public static final Window D1 = new Window("1d", Duration.ofDays(1));
    public static final Window D3 = new Window("3d", Duration.ofDays(3));

    /** Every window the engine reports a burn rate for, shortest first. */
    public static final List<Window> BURN_WINDOWS = List.of(M5, M30, H1, H2, H6, D1, D3);

    /** Where {@code window} is in {@link #BURN_WINDOWS}: the index of its counts wherever they are kept in that order. */
    public static int position(Window window) {
        for (int i = 0; i < BURN_WINDOWS.size(); i++) {
            if (BURN_WINDOWS.get(i) == window) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a burn window: " + window);
    }
}
