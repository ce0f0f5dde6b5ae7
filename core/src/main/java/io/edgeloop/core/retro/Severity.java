package io.edgeloop.core.retro;

/** How urgently an operator should look at a proposal, by effect size ({@link RetroConfig#severity}). */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH
}
