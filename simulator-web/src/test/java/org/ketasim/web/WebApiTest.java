package org.ketasim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ketasim.core.Ketasim;
import org.ketasim.core.io.yaml.ScenarioYaml;
import org.ketasim.core.metrics.Summary;
import org.ketasim.core.problems.InputException;
import org.ketasim.core.scenario.Scenario;

/** The JSON API against a server on loopback, hostile requests included. */
class WebApiTest {

    private static WebServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = WebServer.start(InetAddress.getLoopbackAddress(), 0, Path.of("../scenarios"));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(Http.Answer a) throws IOException {
        return Json.MAPPER.readTree(a.body());
    }

    private static final String EDITED = "{\"base\":\"\",\"regimen\":{\"start\":\"8 mg/h\",\"increment\":\"3 mg/h\","
            + "\"every\":\"6 h\",\"max\":\"30 mg/h\",\"duration\":\"3 d\",\"route\":\"iv\"},\"weightKg\":82,"
            + "\"baselineNrs\":8,\"drug\":\"esketamine\",\"model\":\"fanta-otto\",\"duration\":\"5 d\"}";

    @Test
    void theWarmUpEndsWellAndTheServerAnswersMeanwhile() throws Exception {
        CompletableFuture<Integer> warm = server.warmUp();
        Http.Answer a = http.post("/api/population?subjects=50&outcomes=false",
                "{\"base\":\"catalogue:dutch-survey/nl-inpatient-median\"}");
        assertEquals(200, a.status(), a.body());
        assertEquals(50, json(a).get("subjects").asInt());
        assertEquals(2 * WebLimits.DEFAULT_SUBJECTS, warm.get(5, TimeUnit.MINUTES));
    }

    @Test
    void theYamlOfADesignReproducesItsNumbersExactly() throws IOException {
        Http.Answer a = http.post("/api/design", EDITED);
        assertEquals(200, a.status(), a.body());
        JsonNode r = json(a);
        Scenario s = new ScenarioYaml().parse(Path.of(r.get("fileName").asText()), r.get("yaml").asText());
        Summary m = Ketasim.simulate(s).summary();
        assertEquals(m.cmaxNgPerMl(), r.get("summary").get("cmaxNgPerMl").asDouble(), 0);
        assertEquals(m.aucNgHPerMl(), r.get("summary").get("aucNgHPerMl").asDouble(), 0);
        assertEquals(m.totalDoseMg(), r.get("summary").get("totalDoseMg").asDouble(), 0);
        assertEquals(82, s.patient().weightKg());
        assertEquals("8 mg/h", r.get("form").get("regimen").get("start").asText());
    }

    @Test
    void aCatalogueScenarioUneditedIsWrittenBackAsAnEqualScenario() throws IOException {
        JsonNode r = json(http.post("/api/design", "{\"base\":\"catalogue:dutch-survey/nl-inpatient-median\"}"));
        Scenario fromFile = Ketasim.load("../scenarios/dutch-survey/nl-inpatient-median.yaml");
        assertEquals(fromFile, Ketasim.parse("x.yaml", r.get("yaml").asText()));
    }

    @Test
    void aBadFieldIs400WithItsKeyAndNoStackTrace() throws IOException {
        Http.Answer a = http.post("/api/design", EDITED.replace("8 mg/h", "8 mgh"));
        assertEquals(400, a.status());
        JsonNode r = json(a);
        assertEquals("regimen.doses[0].infusion.start", r.get("key").asText());
        assertTrue(r.get("error").asText().startsWith("design: regimen.doses[0].infusion.start: unknown unit 'mgh'"),
                r.get("error").asText());
        assertFalse(a.body().contains("at org."), a.body());
    }

    @Test
    void anImplausibleRateWarnsNextToItsField() throws IOException {
        JsonNode r = json(http.post("/api/design", EDITED.replace("8 mg/h", "8 mg/kg/h")));
        assertTrue(r.get("warnings").findValuesAsText("key").contains("regimen.doses[0].infusion.start"), r.toString());
    }

    @Test
    void aMalformedUploadGetsTheCommandLinesMessage() throws IOException {
        String text = "id: broken\nmodel: fanta-otto\npatient: {weight: 70 kg}\nregimen:\n  doses:\n"
                + "    - infusion: {rate: 5 mg/fortnight, duration: 4 h}\nsimulation: {duration: 1 d, step: 5 min}\n";
        Http.Answer a = http.send("POST", "/api/upload?name=..%2F..%2Fbroken.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, a.status());
        InputException cli = assertThrows(InputException.class,
                () -> new ScenarioYaml().parse(Path.of("broken.yaml"), text));
        assertEquals(cli.getMessage(), json(a).get("error").asText());
        assertTrue(cli.getMessage().startsWith("broken.yaml:6: regimen.doses[0].infusion.rate"), cli.getMessage());
    }

    @Test
    void aYamlBombIsRefusedQuickly() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        long t0 = System.nanoTime();
        Http.Answer a = http.send("POST", "/api/upload?name=bomb.yaml", bomb.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(400, a.status(), a.body());
        assertTrue(json(a).get("error").asText().startsWith("bomb.yaml"), a.body());
        assertTrue(System.nanoTime() - t0 < 5e9, "took " + (System.nanoTime() - t0) / 1e9 + " s");
    }

    @Test
    void anOversizeBodyIsRefusedAndTheServerLivesOn() throws IOException {
        byte[] big = new byte[(int) WebLimits.MAX_BODY_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        Http.Answer a = http.send("POST", "/api/upload?name=big.yaml", big);
        assertEquals(413, a.status(), a.body());
        assertEquals(200, http.get("/api/models").status());
    }

    @Test
    void noPathLeavesTheCatalogueOrTheApp() throws IOException {
        Http.Answer a = http.post("/api/design", "{\"base\":\"catalogue:../../pom.xml\"}");
        assertEquals(400, a.status());
        assertTrue(json(a).get("error").asText().contains("the catalogue has no scenario"), a.body());
        for (String path : new String[] {"/../pom.xml", "/%2e%2e/%2e%2e/pom.xml", "/..%2f..%2fpom.xml",
            "/webjars/..%2f..%2f..%2fpom.xml", "/web/../../pom.xml", "/org/ketasim/web/WebServer.class"}) {
            Http.Answer g = http.get(path);
            assertNotEquals(200, g.status(), path);
            assertFalse(g.body().contains("<modelVersion>"), path);
        }
    }

    @Test
    void anotherOriginOrHostCannotDriveIt() throws IOException {
        assertEquals(403, http.post("/api/design", "{\"base\":\"\"}", "Origin: http://evil.example").status());
        assertEquals(403, http.post("/api/design", "{\"base\":\"\"}", "Origin: null").status());
        assertEquals(403, http.get("/api/catalogue", "Host: evil.example:" + server.port()).status());
        assertEquals(403, http.get("/", "Host: evil.example").status());
        assertEquals(403, http.get("/api/catalogue", "Sec-Fetch-Site: cross-site").status());
        Http.Answer own = http.post("/api/design", "{\"base\":\"\"}", "Origin: http://127.0.0.1:" + server.port());
        assertEquals(200, own.status());
        Http.Answer asked = http.send("OPTIONS", "/api/design", null, "Origin: http://evil.example",
                "Access-Control-Request-Method: POST");
        for (Http.Answer x : new Http.Answer[] {own, asked}) {
            assertTrue(x.headers().keySet().stream().noneMatch(h -> h.startsWith("access-control-")), x.headers().toString());
        }
    }

    @Test
    void everyPageHasAStrictContentSecurityPolicy() throws IOException {
        Http.Answer page = http.get("/");
        assertEquals(200, page.status());
        String csp = page.headers().get("content-security-policy");
        assertEquals(RequestGuard.CONTENT_SECURITY_POLICY, csp);
        assertFalse(csp.contains("unsafe"));
        assertEquals("nosniff", page.headers().get("x-content-type-options"));
        assertEquals(200, http.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").status());
    }

    @Test
    void malformedJsonIs400WithoutTheServersClassNames() throws IOException {
        for (String body : new String[] {"{", "[]", "{\"base\":\"\",\"evil\":1}", "{\"base\":5}"}) {
            Http.Answer a = http.post("/api/design", body);
            assertEquals(400, a.status(), body + " " + a.body());
            assertFalse(a.body().contains("org.ketasim"), a.body());
        }
    }

    /** A JSON null body, and query parameters that are not what they must be, are 400 with the usual error. */
    @Test
    void nullBodiesAndBadParametersAre400WithAnError() throws IOException {
        for (String path : new String[] {"/api/design", "/api/compare", "/api/population", "/api/teaching/sessions"}) {
            Http.Answer a = http.post(path, "null");
            assertEquals(400, a.status(), path + " " + a.body());
            assertTrue(json(a).get("error").asText().contains("it is null"), a.body());
        }
        for (String items : new String[] {"[null]", "[{\"label\":\"x\",\"design\":null}]"}) {
            Http.Answer a = http.post("/api/compare", "{\"items\":" + items + "}");
            assertEquals(400, a.status(), items + " " + a.body());
            assertEquals("items[0]", json(a).get("key").asText(), a.body());
        }
        for (String query : new String[] {"subjects=abc", "subjects=1.5", "outcomes=maybe", "outcomes=1"}) {
            Http.Answer a = http.post("/api/population?" + query, "{\"base\":\"\"}");
            assertEquals(400, a.status(), query + " " + a.body());
            assertTrue(a.body().contains(query.substring(query.indexOf('=') + 1)) && json(a).has("error"), a.body());
        }
    }

    @Test
    void populationsAreBoundedAndHaveIntervals() throws IOException {
        Http.Answer a = http.post("/api/population?subjects=300", "{\"base\":\"\"}");
        assertEquals(200, a.status(), a.body());
        JsonNode p = json(a);
        for (JsonNode s : p.get("shares")) {
            assertTrue(s.get("pLo").asDouble() <= s.get("p").asDouble() && s.get("p").asDouble() <= s.get("pHi").asDouble());
        }
        assertEquals(5, p.get("bands").get("cp").size());
        assertEquals(0, p.get("outcomes").size(), "outcomes only when asked");
        JsonNode o = json(http.post("/api/population?outcomes=true&subjects=300", "{\"base\":\"\"}"));
        assertTrue(o.get("outcomes").size() > 0);
        for (JsonNode row : o.get("outcomes")) {
            assertTrue(row.get("pLo").asDouble() <= row.get("p").asDouble() + 1e-12
                    && row.get("p").asDouble() <= row.get("pHi").asDouble() + 1e-12, row.toString());
            assertTrue(row.has("outsideEvidence") && row.has("reasons"), row.toString());
        }
        Http.Answer tooMany = http.post("/api/population?subjects=" + (WebLimits.MAX_SUBJECTS + 1), "{\"base\":\"\"}");
        assertEquals(400, tooMany.status());
        Http.Answer tooMuch = http.post("/api/population?subjects=900000", "{\"base\":\"\"}");
        assertEquals(400, tooMuch.status());
        assertTrue(json(tooMuch).get("error").asText().contains("ketasim population"), tooMuch.body());
    }

    @Test
    void aSimulationPastTheRowLimitIsRefusedBeforeAnyWork() throws IOException {
        long t0 = System.nanoTime();
        Http.Answer a = http.post("/api/design", "{\"base\":\"\",\"duration\":\"7000 d\"}");
        assertEquals(400, a.status());
        assertTrue(json(a).get("error").asText().contains("more than the limit of " + WebLimits.MAX_ROWS + " rows"),
                a.body());
        assertTrue(System.nanoTime() - t0 < 2e9);
    }

    @Test
    void compareGivesTheCommitteeRowsOfEachRegimen() throws IOException {
        Http.Answer a = http.post("/api/compare", "{\"items\":[{\"label\":\"median\",\"family\":\"dutch-survey\","
                + "\"design\":{\"base\":\"catalogue:dutch-survey/nl-inpatient-median\"}},{\"label\":\"mine\",\"family\":"
                + "\"mine\",\"design\":" + EDITED + "}]}");
        assertEquals(200, a.status(), a.body());
        JsonNode items = json(a).get("items");
        assertEquals(2, items.size());
        assertTrue(items.get(0).get("row").get("cmax").asDouble() != items.get(1).get("row").get("cmax").asDouble());
        String nine = "{\"label\":\"x\",\"design\":{\"base\":\"\"}}";
        assertEquals(400, http.post("/api/compare", "{\"items\":[" + String.join(",", java.util.Collections.nCopies(9,
                nine)) + "]}").status());
    }
}
