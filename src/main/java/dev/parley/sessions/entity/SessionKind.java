package dev.parley.sessions.entity;

/**
 * A login (a person signed in: refreshed, listed under sessions, ended by logout) or a personal access
 * token (named, long-lived, only its hash stored, ended by revoking it): both are sessions, so that
 * one check of a JWT's session, one expiry and one way of ending serve them both.
 */
public enum SessionKind {
    LOGIN,
    TOKEN
}
