package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketasim.web.WebServer;

/** {@code ketasim serve}: its options, and the designer's YAML through {@code ketasim run}. */
class ServeCommandTest {

    @Test
    void aDesignDownloadedFromTheServerIsReproducedByRun(@TempDir Path dir) throws Exception {
        String design = "{\"base\":\"catalogue:dutch-survey/nl-inpatient-median\",\"regimen\":{\"start\":\"0.1 mg/kg/h\","
                + "\"increment\":\"0.05 mg/kg/h\",\"every\":\"8 h\",\"max\":\"0.4 mg/kg/h\",\"duration\":\"3 d\","
                + "\"route\":\"iv\"},\"weightKg\":64,\"drug\":\"ketamine\",\"duration\":\"5 d\"}";
        JsonNode r;
        try (WebServer server = WebServer.start(InetAddress.getLoopbackAddress(), 0, Path.of("../scenarios"))) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/design"))
                    .POST(HttpRequest.BodyPublishers.ofString(design)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            r = new ObjectMapper().readTree(answer.body());
        }
        Path file = dir.resolve(r.get("fileName").asText());
        Files.writeString(file, r.get("yaml").asText());
        Path out = dir.resolve("out");
        Cli.Result run = Cli.run("run", file.toString(), "--out", out.toString(), "--no-chart");
        assertEquals(0, run.exitCode(), run.err());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(summary.get(0).split(","));
        String[] row = summary.get(1).split(",");
        JsonNode m = r.get("summary");
        assertEquals(m.get("totalDoseMg").asDouble(), Double.parseDouble(row[header.indexOf("total_dose_mg")]), 0);
        assertEquals(m.get("cmaxNgPerMl").asDouble(), Double.parseDouble(row[header.indexOf("cmax_ng_per_ml")]), 0);
        assertEquals(m.get("tmaxH").asDouble(), Double.parseDouble(row[header.indexOf("tmax_h")]), 0);
        assertEquals(m.get("aucNgHPerMl").asDouble(), Double.parseDouble(row[header.indexOf("auc_ng_h_per_ml")]), 0);
        assertTrue(r.get("yaml").asText().contains("0.1 mg/kg/h"), r.get("yaml").asText());
    }

    @Test
    void badOptionsAreBadInput() {
        Cli.Result port = Cli.run("serve", "--port", "70000");
        assertEquals(ExitCodes.BAD_INPUT, port.exitCode());
        assertTrue(port.err().contains("--port"), port.err());
        Cli.Result bind = Cli.run("serve", "--bind", "no.such.host.invalid");
        assertEquals(ExitCodes.BAD_INPUT, bind.exitCode());
        assertTrue(bind.err().contains("--bind"), bind.err());
        Cli.Result folder = Cli.run("serve", "--scenarios", "no-such-folder");
        assertEquals(ExitCodes.BAD_INPUT, folder.exitCode());
    }
}
