package org.ketasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;

/**
 * The comparison report as a committee member opens it: {@code compare} on the catalogue (and one
 * hostile scenario file) in-process, then report.html in Debian's headless Chromium, on screen and
 * as printed to A4. Skipped, with the reason, only where Chromium or its driver is not installed
 * ({@code .ci/run} installs both). Screenshots and the PDF go to {@code target/report-screenshots}.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/report-screenshots");
    /** A4 landscape, 297 mm less the 10 mm margins, at 96 px per inch. */
    private static final int A4_LANDSCAPE_CONTENT_PX = (int) Math.floor((297 - 20) / 25.4 * 96);
    private static final String EVIL_TITLE = "<script>alert(1)</script> & co";

    private static ChromeDriver browser;
    private static Path out;
    private static List<String> csv;

    @BeforeAll
    static void compareAndOpen() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "report browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are not installed "
                        + "(apt-get install -y chromium chromium-driver; .ci/run does this)");
        Path tmp = Files.createTempDirectory("ketasim-report");
        Path hostile = Files.createDirectories(tmp.resolve("hostile"));
        Files.writeString(hostile.resolve("evil.yaml"), """
                title: "%s"
                source: "<b>bold</b>"
                model: fanta-otto
                patient: {weight: 70 kg}
                regimen:
                  setting: inpatient
                  doses: [{infusion: {rate: 5 mg/h, duration: 100 h}}]
                simulation: {duration: 150 h, step: 15 min}
                """.formatted(EVIL_TITLE.replace("\"", "\\\"")));
        out = tmp.resolve("cmp");
        Cli.Result r = Cli.run("compare", "../scenarios", hostile.toString(), "--out", out.toString(), "--n", "40",
                "--replicates", "40");
        assertEquals(0, r.exitCode(), r.err());
        csv = Files.readAllLines(out.resolve("comparison.csv"));
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--allow-file-access-from-files");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(),
                options);
        browser.get(out.resolve("report.html").toUri().toString());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Captures the top of a section (at most 2000 px of it) as a PNG, beyond the window if need be. */
    private static void shoot(String name, String section) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> rect = (Map<String, Object>) js("var r = document.getElementById(arguments[0])"
                + ".getBoundingClientRect(); return {x: 0, y: r.top + window.scrollY, width: "
                + "document.documentElement.clientWidth, height: Math.min(r.height, 2000), scale: 1};", section);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", rect));
        Files.write(SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static void viewport(int width, String media) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 1000,
                "deviceScaleFactor", 1, "mobile", false));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media));
    }

    @Test
    void theAnswerComesFirstWithTheBenefitHarmChartAndARankedListPerSetting() throws IOException {
        viewport(1280, "screen");
        WebElement chart = browser.findElement(By.cssSelector("#answer figure img"));
        assertTrue((Long) js("return arguments[0].naturalWidth;", chart) >= 1000, "the chart is loaded");
        assertTrue(chart.getAttribute("alt").startsWith("Benefit against harm"));
        assertTrue(chart.getRect().getWidth() >= 900, "shown large enough to read: " + chart.getRect());
        assertTrue(chart.getRect().getY() < 700, "above the fold, first thing after the title");
        List<WebElement> settings = browser.findElements(By.cssSelector("#answer h3"));
        assertTrue(settings.stream().anyMatch(h -> h.getText().equals("Inpatient")));
        assertTrue(settings.stream().anyMatch(h -> h.getText().equals("Outpatient")));
        List<WebElement> ranked = browser.findElements(By.cssSelector("#answer table.rank tbody tr"));
        assertTrue(ranked.size() >= 3, "a short list: " + ranked.size());
        for (WebElement row : ranked) {
            String text = row.getText();
            assertTrue(text.matches("(?s).*\\d+ % \\(\\d+\u2013\\d+ %\\).*"), "shares with intervals: " + text);
            assertFalse(text.matches("(?is).*\\b(yes|no)\\b(?! ?\\d).*"), "never a yes or a no: " + text);
        }
        String answer = browser.findElement(By.id("answer")).getText();
        assertTrue(answer.contains("not of a patient") && answer.contains("none is a yes or a no"), answer);
        shoot("1-answer", "answer");
    }

    @Test
    void theTableHasEveryRegimenWithHumanHeadersAndSortsUnderItsContentSecurityPolicy() throws IOException {
        viewport(1280, "screen");
        List<WebElement> rows = browser.findElements(By.cssSelector("#regimens tr.r"));
        assertEquals(csv.size() - 1, rows.size(), "one row per regimen");
        String headers = browser.findElement(By.cssSelector("#regimens thead")).getText();
        for (String h : List.of("Dose as given", "mg", "S-ketamine in it", "\u2265 30 % relief at 4 weeks",
                "Psychomimetic effects")) {
            assertTrue(headers.contains(h), h + " in " + headers);
        }
        assertTrue(browser.findElement(By.id("regimens")).getText().contains("1152"), "exact doses: 1152 mg");
        assertTrue(js("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content;")
                .toString().contains("script-src 'sha256-"));
        WebElement dose = browser.findElement(By.xpath("//table[@id='regimens']//th[contains(., 'Dose as given')]"
                + "/button"));
        dose.click();
        @SuppressWarnings("unchecked")
        List<Object> sorted = (List<Object>) js("return Array.from(document.querySelector('#regimens tbody')"
                + ".querySelectorAll('tr.r')).map(r => Number(r.cells[4].dataset.v));");
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(((Number) sorted.get(i - 1)).doubleValue() <= ((Number) sorted.get(i)).doubleValue(),
                    "sorted by dose within the group: " + sorted);
        }
        assertEquals("ascending", dose.findElement(By.xpath("..")).getAttribute("aria-sort"));
        WebElement flagged = browser.findElement(By.xpath("//table[@id='regimens']//tr[contains(@class,'r')]"
                + "[.//span[text()='vranken2005-k75']]/following-sibling::tr[1]"));
        assertTrue(flagged.getText().startsWith("Outside the evidence"), "the flag sits under its row: "
                + flagged.getText());
        shoot("2-tables", "tables");
        shoot("3-charts", "charts");
        shoot("4-sources", "sources");
    }

    @Test
    void scenarioTextStaysTextAndNothingInViewIsARawFloatOrACodeName() {
        viewport(1280, "screen");
        assertEquals(1L, js("return document.scripts.length;"), "only the report's own script");
        String all = (String) js("return document.body.innerText;");
        assertTrue(all.contains(EVIL_TITLE), "the hostile title is shown as text");
        assertTrue(all.contains("<b>bold</b>"));
        // what the report itself writes; the scenarios' own notes (quoted in their section) may hold any number
        String text = (String) js("return ['answer', 'tables', 'charts', 'method'].map(id => "
                + "document.getElementById(id).innerText).join('\\n');");
        Matcher floats = Pattern.compile("(?<![\\w./])\\d+\\.\\d{4,}(?![\\w./])").matcher(text);
        assertFalse(floats.find(), () -> "raw float in view: " + around(text, floats.start()));
        Matcher codes = Pattern.compile("\\b[a-z]+_[a-z0-9_]+\\b").matcher(text);
        assertFalse(codes.find(), () -> "code name in view: " + around(text, codes.start()));
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 80));
    }

    @Test
    void nothingOverflowsTheScreenOrTheA4Page() throws IOException {
        for (int width : new int[] {1280, 1024}) {
            viewport(width, "screen");
            assertNoOverflow("screen " + width);
        }
        viewport(A4_LANDSCAPE_CONTENT_PX, "print");
        assertNoOverflow("print, A4 landscape");
        shoot("5-print-answer", "answer");
        shoot("6-print-tables", "tables");
        PrintOptions print = new PrintOptions();
        print.setPageSize(new org.openqa.selenium.print.PageSize(21.0, 29.7));
        print.setOrientation(PrintOptions.Orientation.LANDSCAPE);
        print.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(browser.print(print).getContent());
        Files.write(SHOTS.resolve("report.pdf"), pdf);
        int pages = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).split("/Type\\s*/Page[^s]").length
                - 1;
        assertTrue(pages >= 5, "a page per section at least: " + pages);
        viewport(1280, "screen");
    }

    private static void assertNoOverflow(String where) {
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) js("var w = document.documentElement.clientWidth; return Array.from("
                + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1)"
                + ".slice(0, 5).map(e => e.tagName + ' ' + (e.id || e.className) + ' right '"
                + " + Math.round(e.getBoundingClientRect().right) + ' > ' + w);");
        assertTrue(wide.isEmpty(), where + ": " + wide);
        assertTrue((Boolean) js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
                where + ": the page scrolls sideways");
    }
}
