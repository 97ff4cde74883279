package org.ketasim.web;

import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.population.PopulationSettings;
import org.ketasim.core.scenario.ScenarioCompiler;

/**
 * The bounds of {@code ketasim serve}: the command line's limits where there is one (file size,
 * output rows, subjects), and the few a shared server needs on top (work per request, sessions
 * held in memory). A request past a bound is refused before any work with a message naming it.
 */
public final class WebLimits {

    /** The largest request body (bytes): a scenario file as large as the command line reads, plus room. */
    public static final long MAX_BODY_BYTES = ScenarioYaml.MAX_FILE_BYTES + 64 * 1024;
    /** The most output rows of one scenario, as {@code --max-rows}' default. */
    public static final long MAX_ROWS = ScenarioCompiler.DEFAULT_MAX_ROWS;
    /** The most subjects of one population, as the command line's. */
    public static final int MAX_SUBJECTS = PopulationSettings.MAX_SUBJECTS;
    /**
     * The most subject-rows (subjects times output rows) one population request may cost: about
     * 10 s on two cores. Larger populations belong to {@code ketasim population}.
     */
    public static final long MAX_SUBJECT_ROWS = 20_000_000;
    /** The default population size of the designer's population panel. */
    public static final int DEFAULT_SUBJECTS = 1000;
    /** The most regimens one comparison may hold. */
    public static final int MAX_COMPARED = 8;
    /** The most uploaded scenarios held in memory; the oldest is forgotten first. */
    public static final int MAX_UPLOADS = 32;
    /** The most teaching sessions held in memory; the least recently used is ended first. */
    public static final int MAX_SESSIONS = 32;
    /** The most points of a curve sent to the browser. */
    public static final int MAX_CURVE_POINTS = 2400;

    private WebLimits() {
    }
}
