package org.ketasim.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.ketasim.core.Ketasim;
import org.ketasim.core.model.library.BuiltInModel;
import org.ketasim.core.model.library.ModelLibrary;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.ScenarioException;
import org.ketasim.core.scenario.Scenario;

/**
 * {@code ketasim serve}: the web app on an embedded Javalin (Jetty 12) server. The browser gets the
 * page and its scripts from the classpath (uPlot from its webjar), and a JSON API:
 *
 * <ul>
 * <li>{@code GET /api/catalogue}, {@code GET /api/models}: what can be chosen;</li>
 * <li>{@code POST /api/design} (a {@link Design}): the typical patient's curves, metrics and
 *     warnings, the form, and the scenario as YAML written by the codec;</li>
 * <li>{@code POST /api/population?subjects=N&outcomes=true|false}: the design's population panel, with
 *     the outcome models' shares when asked;</li>
 * <li>{@code POST /api/upload?name=FILE} (the file's bytes): reads a scenario file as the command line does;</li>
 * <li>{@code POST /api/compare}: several regimens side by side;</li>
 * <li>{@code /api/teaching/...}: titration sessions and exercises ({@link TeachingApi}).</li>
 * </ul>
 *
 * <p>Safe by default: it listens on loopback unless told otherwise; {@link RequestGuard} refuses
 * other hosts and origins and sets a strict Content-Security-Policy; bodies and simulations are
 * bounded ({@link WebLimits}); it reads only the catalogue and what is uploaded, and writes no
 * file. Bad input is answered 400 with the command line's message ({@code file:line: key: problem});
 * anything else is 500 with no detail (the details go to standard error). Thread-safe.
 */
public final class WebServer implements AutoCloseable {

    private final Javalin app;
    private volatile RequestGuard guard;
    private final Catalogue catalogue;
    private final Designs designs;
    private final Uploads uploads = new Uploads();
    private final Semaphore heavy = new Semaphore(1);

    private WebServer(InetAddress bind, int port, Catalogue catalogue) {
        this.catalogue = catalogue;
        this.designs = new Designs(catalogue, uploads);
        TeachingApi teaching = new TeachingApi(new Exercises(catalogue));
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = bind.getHostAddress();
            config.jetty.port = port;
            config.http.maxRequestSize = WebLimits.MAX_BODY_BYTES;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.routes.before(ctx -> guardOf().check(ctx));
            config.routes.get("/api/catalogue", this::catalogue);
            config.routes.get("/api/models", this::models);
            config.routes.post("/api/design", ctx -> ctx.json(design(Json.read(ctx.body(), Design.class))));
            config.routes.post("/api/population", this::population);
            config.routes.post("/api/upload", this::upload);
            config.routes.post("/api/compare", ctx -> heavy(ctx, () -> CompareView.of(Json.read(ctx.body(),
                    CompareView.Request.class), designs)));
            teaching.routes(config.routes, designs);
            config.routes.exception(InputException.class, (e, ctx) -> ctx.status(400).json(problem(e)));
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("ketasim serve: internal error on " + ctx.method() + " " + ctx.path()
                        + " (please report it):");
                e.printStackTrace();
                ctx.status(500).json(Map.of("error", "internal error in ketasim (a defect: please report it; the "
                        + "server's standard error has the details)"));
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") || ctx.result() == null) {
                    ctx.json(Map.of("error", "not found"));
                }
            });
        });
        this.app.start();
        this.guard = new RequestGuard(bind, app.port());
    }

    /** @return the guard, once the port is known (a request that comes before is refused) */
    private RequestGuard guardOf() {
        RequestGuard g = guard;
        if (g == null) {
            throw new HttpResponseException(503, "the server is starting", Map.of());
        }
        return g;
    }

    /**
     * Starts a server.
     *
     * @param bind      the address to listen on (loopback unless the user says otherwise)
     * @param port      the port, 0 for any free one
     * @param catalogue the scenario catalogue folder, or null for none
     * @return the running server
     */
    public static WebServer start(InetAddress bind, int port, Path catalogue) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        return new WebServer(bind, port, catalogue == null ? Catalogue.empty() : Catalogue.read(catalogue));
    }

    /**
     * Starts warming the server up in the background: a daemon thread designs a new regimen and
     * simulates its population panel with outcomes, twice, and drops the answers. The first
     * population a JVM simulates runs on code the JIT has not compiled yet; warmed, the first
     * user's population takes about half as long (docs/benchmarks.md, serve). The thread does not
     * hold the server's one-heavy-computation lock, so a request that comes meanwhile is not queued
     * behind it, only shares the cores.
     *
     * @return completed with the number of subjects simulated when the warm-up has ended,
     *         exceptionally if it failed (a defect: the same simulation would fail for a user)
     */
    public CompletableFuture<Integer> warmUp() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Design d = new Design("", null, null, null, null, null, null);
                int subjects = 0;
                for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                    design(d);
                    subjects += (Integer) PopulationPanel.of(designs.scenario(d), WebLimits.DEFAULT_SUBJECTS, true)
                            .get("subjects");
                }
                done.complete(subjects);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, "ketasim-warm-up");
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** Populations of the warm-up: two, so that the code the first one ran is compiled for the second. */
    private static final int WARM_UP_ROUNDS = 2;

    /** @return the port listened on */
    public int port() {
        return app.port();
    }

    /** @return the address to open in a browser */
    public String url() {
        String host = guard.hosts().iterator().next();
        return "http://" + host + "/";
    }

    /** @return the catalogue files that could not be read, with their messages */
    public List<String> catalogueProblems() {
        return catalogue.problems();
    }

    /** @return how many catalogue scenarios are offered */
    public int catalogueSize() {
        return catalogue.entries().size();
    }

    /** Stops the server. */
    @Override
    public void close() {
        app.stop();
    }

    private void catalogue(Context ctx) {
        ctx.json(catalogue.entries().stream().map(e -> Map.of("key", e.key(), "family", e.family(),
                "title", e.scenario().title(), "source", e.scenario().source())).toList());
    }

    private void models(Context ctx) {
        ctx.json(ModelLibrary.all().stream().map(BuiltInModel::card).map(c -> Map.of("id", c.id(), "title", c.title(),
                "drug", c.drug().name().toLowerCase(java.util.Locale.ROOT))).toList());
    }

    /**
     * @param d a design
     * @return its form, YAML, and typical patient
     */
    Map<String, Object> design(Design d) {
        long t0 = System.nanoTime();
        Scenario s = designs.scenario(d);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("form", Designs.form(d.base(), s));
        out.putAll(PatientView.of(Ketasim.simulate(s)));
        out.put("yaml", Ketasim.toYaml(s));
        out.put("fileName", s.id() + ".yaml");
        out.put("serverMs", (System.nanoTime() - t0) / 1e6);
        return out;
    }

    private void population(Context ctx) throws InterruptedException {
        int subjects = subjects(ctx.queryParam("subjects"));
        boolean outcomes = outcomes(ctx.queryParam("outcomes"));
        Design d = Json.read(ctx.body(), Design.class);
        heavy(ctx, () -> {
            long t0 = System.nanoTime();
            Map<String, Object> out = new LinkedHashMap<>(PopulationPanel.of(designs.scenario(d), subjects,
                    outcomes));
            out.put("serverMs", (System.nanoTime() - t0) / 1e6);
            return out;
        });
    }

    /** @return the {@code subjects} parameter: a whole number, the default when absent */
    private static int subjects(String text) {
        if (text == null) {
            return WebLimits.DEFAULT_SUBJECTS;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw Json.problem("subjects", "the number of subjects must be a whole number, got '" + text + "'");
        }
    }

    /** @return the {@code outcomes} parameter: {@code true} or {@code false}, false when absent */
    private static boolean outcomes(String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw Json.problem("outcomes", "outcomes is true or false, got '" + text + "'");
    }

    private void upload(Context ctx) {
        String name = Uploads.safeName(ctx.queryParam("name"));
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(ctx.bodyAsBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(Path.of(name), 0, "", "the file is not UTF-8 text");
        }
        Uploads.Upload u = uploads.read(name, text);
        ctx.json(design(new Design("upload:" + u.token(), null, null, null, null, null, null)));
    }

    /** One computation that may take a second or more: one at a time, the others wait up to 30 s. */
    private interface Work {
        Object run();
    }

    private void heavy(Context ctx, Work work) throws InterruptedException {
        if (!heavy.tryAcquire(30, TimeUnit.SECONDS)) {
            throw new HttpResponseException(503, "the server is busy with another population or comparison; "
                    + "try again", Map.of());
        }
        try {
            ctx.json(work.run());
        } finally {
            heavy.release();
        }
    }

    private static Map<String, Object> problem(InputException e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", e.getMessage());
        m.put("source", e.location().source());
        m.put("line", e.location().line());
        m.put("key", e.location().key());
        m.put("problem", e.problem());
        return m;
    }
}
