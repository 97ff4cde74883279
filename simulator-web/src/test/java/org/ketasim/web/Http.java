package org.ketasim.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A plain HTTP/1.1 client over a socket, so that tests can send any Host, Origin and body they like. */
final class Http {

    /**
     * An answer.
     *
     * @param status  the status code
     * @param headers the headers, names in lower case
     * @param body    the body as text
     */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final int port;

    Http(int port) {
        this.port = port;
    }

    Answer get(String path, String... headers) throws IOException {
        return send("GET", path, null, headers);
    }

    Answer post(String path, String json, String... headers) throws IOException {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    Answer send(String method, String path, byte[] body, String... headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            boolean host = false;
            for (String h : headers) {
                head.append(h).append("\r\n");
                host |= h.toLowerCase(Locale.ROOT).startsWith("host:");
            }
            if (!host) {
                head.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // the server may answer and close before reading a body it refuses
                }
            }
            out.flush();
            return read(s.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException e) {
            // a reset after the answer was sent
        }
        byte[] bytes = all.toByteArray();
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        int split = latin.indexOf("\r\n\r\n");
        String[] lines = latin.substring(0, Math.max(0, split)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = latin.substring(split + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < body.length()) {
                int eol = body.indexOf("\r\n", i);
                int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(body, eol + 2, eol + 2 + size);
                i = eol + 2 + size + 2;
            }
            body = out.toString();
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
}
