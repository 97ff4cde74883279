package org.ketasim.cli.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report's stylesheet (screen and A4 print) and its one script (sortable tables), inlined
 * into the page and allowed by their SHA-256 hashes in its Content-Security-Policy: nothing else
 * may run or style the page, so a scenario's text can never become markup or code. The page is
 * complete without the script; it only adds sort buttons to the table headers.
 */
final class ReportAssets {

    /** The stylesheet: readable on screen, A4 landscape in print with a page break before each section. */
    static final String CSS = """
            :root{--ink:#1d1d1d;--mute:#5b5b5b;--line:#d0d0d0;--band:#f3f3f3;--flag:#8a4b00}
            *{box-sizing:border-box}
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);
              margin:0 auto;padding:1.5em 2em;max-width:84em}
            h1{font-size:1.7em;margin:.2em 0}h2{font-size:1.35em;margin:1.2em 0 .4em;border-bottom:2px solid var(--ink)}
            h3{font-size:1.1em;margin:1em 0 .3em}
            .lead{font-size:1.05em;max-width:60em}.context{color:var(--mute);font-size:.9em;padding-left:1.2em}
            figure{margin:.6em 0 1em}img{max-width:100%;height:auto;display:block}
            figcaption{color:var(--mute);font-size:.9em}
            .rank{border-collapse:collapse;width:100%;margin:.3em 0 1em;font-size:.92em}
            .rank th,.rank td{border-bottom:1px solid var(--line);padding:.3em .5em;vertical-align:top;text-align:left}
            .rank td.c{color:var(--flag);font-size:.92em}
            .caveats li{margin:.15em 0}
            table.sortable{border-collapse:collapse;width:100%;font-size:.82em;margin:.5em 0 1.5em}
            table.sortable caption{text-align:left;font-weight:600;padding:.3em 0}
            table.sortable th,table.sortable td{border:1px solid var(--line);padding:.25em .4em;text-align:right;
              vertical-align:top}
            table.sortable thead th{background:var(--band);vertical-align:bottom;font-weight:600}
            table.sortable .t{text-align:left;min-width:15em}
            table.sortable tr.r td:first-child{white-space:nowrap}
            @media screen and (max-width:1150px){body{padding:1em}table.sortable{font-size:.72em}}
            table.sortable tr.g th{background:#e6eef6;text-align:left;font-size:1.05em}
            table.sortable tr.n td{border-top:none;text-align:left;color:var(--flag);font-size:.95em}
            table.sortable tr.r.out td:first-child{font-style:italic}
            .u{display:block;font-weight:400;color:var(--mute);font-size:.88em}
            .id{display:block;color:var(--mute);font-size:.88em;overflow-wrap:anywhere}
            .flag,.warn{font-weight:600}
            th button{all:unset;cursor:pointer;display:block}
            th button:focus-visible{outline:2px solid #0072b2}
            th[aria-sort=ascending] button::after{content:" \\25b2"}
            th[aria-sort=descending] button::after{content:" \\25bc"}
            pre{white-space:pre-wrap;background:var(--band);padding:.5em;font-size:.9em}
            .failed li{color:#a40000}
            @page{size:A4 landscape;margin:10mm}
            @media print{
              body{font-size:10pt;padding:0;max-width:none}
              section{break-before:page}section.first{break-before:auto}
              h2,h3,caption{break-after:avoid}figure,tr,.rank tr{break-inside:avoid}
              thead{display:table-header-group}
              a{color:inherit;text-decoration:none}
              table.sortable{font-size:7.5pt}
              img{max-height:180mm;width:auto;max-width:100%}
            }
            """;

    /**
     * The script: a button in every header of a sortable table; a click sorts every group's rows
     * (each with its note line) by that column, numbers as numbers, then the other way round.
     */
    static final String JS = """
            "use strict";
            document.querySelectorAll("table.sortable").forEach(function (table) {
              var heads = table.tHead.rows[0].cells;
              Array.prototype.forEach.call(heads, function (th, col) {
                var button = document.createElement("button");
                button.type = "button";
                while (th.firstChild) { button.appendChild(th.firstChild); }
                th.appendChild(button);
                button.addEventListener("click", function () {
                  var up = th.getAttribute("aria-sort") !== "ascending";
                  Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
                  th.setAttribute("aria-sort", up ? "ascending" : "descending");
                  Array.prototype.forEach.call(table.tBodies, function (body) {
                    var items = [];
                    Array.prototype.forEach.call(body.querySelectorAll("tr.r"), function (row) {
                      var note = row.nextElementSibling;
                      items.push({ row: row, note: note && note.classList.contains("n") ? note : null,
                        key: row.cells[col].getAttribute("data-v") });
                    });
                    items.sort(function (a, b) {
                      var x = a.key, y = b.key;
                      if (x === "" || y === "") { return x === y ? 0 : x === "" ? 1 : -1; }
                      var nx = Number(x), ny = Number(y);
                      var c = isNaN(nx) || isNaN(ny) ? x.localeCompare(y) : nx - ny;
                      return up ? c : -c;
                    });
                    items.forEach(function (item) {
                      body.appendChild(item.row);
                      if (item.note) { body.appendChild(item.note); }
                    });
                  });
                });
              });
            });
            """;

    private ReportAssets() {
    }

    /** @return the Content-Security-Policy that allows exactly the inlined stylesheet and script */
    static String contentSecurityPolicy() {
        return "default-src 'none'; img-src data:; style-src '" + hash(CSS) + "'; script-src '" + hash(JS)
                + "'; base-uri 'none'; form-action 'none'";
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
