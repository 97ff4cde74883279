package org.ketasim.core.engine;

/**
 * Advances the state of one linear system over an interval of constant input. One instance serves
 * one simulation call; it is not thread-safe.
 */
public interface Propagation {
    /**
     * Replaces {@code x} by the state {@code h} hours later under constant input {@code u}.
     *
     * @param x state, overwritten
     * @param h interval (h), &gt; 0
     * @param u input rate into each state (mg/h), constant over the interval
     */
    void advance(double[] x, double h, double[] u);
}
