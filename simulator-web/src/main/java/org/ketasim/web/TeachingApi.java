package org.ketasim.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ketasim.core.scenario.Scenario;

/**
 * The teaching API: the exercises, and titration sessions held in memory under unguessable ids
 * (at most {@link WebLimits#MAX_SESSIONS}; the least recently used is ended first).
 *
 * <ul>
 * <li>{@code GET /api/teaching/exercises};</li>
 * <li>{@code POST /api/teaching/sessions} ({@link Start}): a new session and its first view;</li>
 * <li>{@code POST /api/teaching/sessions/{id}} ({@link Action}): one action, the view after it;</li>
 * <li>{@code POST /api/teaching/sessions/{id}/finish}: the score, the truth, the scenario and the transcript.</li>
 * </ul>
 * Thread-safe.
 */
final class TeachingApi {

    /**
     * A new session.
     *
     * @param kind     {@code free}, {@code exercise} or {@code unknown}
     * @param exercise the exercise's id, for an exercise
     * @param design   the patient, for a free or unknown-patient session (its doses are not given)
     */
    record Start(String kind, String exercise, Design design) {
    }

    /**
     * One action of a session.
     *
     * @param action {@code rate}, {@code bolus}, {@code advance}, {@code undo}, {@code lab} or {@code view}
     * @param value  mg/h, mg or h
     */
    record Action(String action, double value) {
    }

    private final Exercises exercises;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, TeachingSession> sessions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TeachingSession> eldest) {
            return size() > WebLimits.MAX_SESSIONS;
        }
    };

    /** @param exercises the exercises offered */
    TeachingApi(Exercises exercises) {
        this.exercises = exercises;
    }

    /**
     * @param routes  the server's routes
     * @param designs how a free session's patient is read
     */
    void routes(RoutesConfig routes, Designs designs) {
        routes.get("/api/teaching/exercises", ctx -> ctx.json(exercises.all().stream().map(e -> Map.of("id", e.id(),
                "title", e.title(), "brief", e.brief(), "durationH", e.durationH(),
                "patient", e.scenario().patient().weightKg() + " kg, " + e.scenario().drug().id() + ", model "
                        + Designs.modelId(e.scenario()))).toList()));
        routes.post("/api/teaching/sessions", ctx -> start(ctx, designs));
        routes.post("/api/teaching/sessions/{id}", ctx -> {
            Action a = Json.read(ctx.body(), Action.class);
            ctx.json(session(ctx).act(a.action() == null ? "" : a.action(), a.value()));
        });
        routes.post("/api/teaching/sessions/{id}/finish", ctx -> ctx.json(session(ctx).finish()));
    }

    private void start(Context ctx, Designs designs) {
        Start s = Json.read(ctx.body(), Start.class);
        TeachingSession.Kind kind = switch (s.kind() == null ? "" : s.kind()) {
            case "free" -> TeachingSession.Kind.FREE;
            case "exercise" -> TeachingSession.Kind.EXERCISE;
            case "unknown" -> TeachingSession.Kind.UNKNOWN;
            default -> throw Json.problem("kind", "a session is free, exercise or unknown, got '" + s.kind() + "'");
        };
        Optional<Exercises.Exercise> exercise = Optional.empty();
        Scenario patient;
        if (kind == TeachingSession.Kind.EXERCISE) {
            exercise = exercises.find(s.exercise() == null ? "" : s.exercise());
            patient = exercise.orElseThrow(() -> Json.problem("exercise", "no exercise '" + s.exercise() + "'"))
                    .scenario();
        } else {
            patient = designs.scenario(s.design() == null ? new Design("", null, null, null, null, null, null)
                    : s.design());
        }
        long seed = random.nextLong() >>> 11;
        TeachingSession session = new TeachingSession(kind, exercise, patient, seed);
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        synchronized (sessions) {
            sessions.put(id, session);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("view", session.act("view", 0));
        ctx.json(out);
    }

    private TeachingSession session(Context ctx) {
        String id = ctx.pathParam("id");
        synchronized (sessions) {
            TeachingSession s = sessions.get(id);
            if (s == null) {
                throw Json.problem("session", "no such session (the server keeps "
                        + "the last " + WebLimits.MAX_SESSIONS + "); start a new one");
            }
            return s;
        }
    }
}
