package org.probefleet.coordinator.web;

/** The sign-in form's data: where to go afterwards, what went wrong last time, and whether a token is needed at all. */
public record LoginPage(String next, String message, boolean needed) {
}
