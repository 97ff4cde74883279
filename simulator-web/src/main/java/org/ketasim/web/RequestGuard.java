package org.ketasim.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps pages of other origins from driving the server, and tells the browser to load nothing from
 * elsewhere. Every request must name this server in its {@code Host} header (a DNS-rebinding page
 * names its own host), and a request that carries an {@code Origin} must come from this server's
 * own pages; a cross-site fetch ({@code Sec-Fetch-Site: cross-site}) of the API is refused too. No
 * CORS header is ever sent, so no other origin may read an answer. Every response carries a strict
 * Content-Security-Policy: scripts, styles and data from this server only, no inline script, no
 * frames. Thread-safe (immutable).
 */
final class RequestGuard {

    /** The policy: everything from this server only; no inline script, no plugins, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private final Set<String> hosts;
    private final Set<String> origins;

    /**
     * @param bind the address the server listens on (a wildcard address allows every address of
     *             this machine's interfaces)
     * @param port the port it listens on
     */
    RequestGuard(InetAddress bind, int port) {
        Set<String> names = new LinkedHashSet<>();
        if (!bind.isAnyLocalAddress()) {
            names.add(literal(bind));
        }
        if (bind.isLoopbackAddress() || bind.isAnyLocalAddress()) {
            names.add("localhost");
            names.add("127.0.0.1");
            names.add("[::1]");
        }
        if (bind.isAnyLocalAddress()) {
            try {
                for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                        names.add(literal(a));
                    }
                }
            } catch (SocketException e) {
                throw new IllegalStateException("cannot list this machine's addresses: " + e.getMessage(), e);
            }
        }
        Set<String> h = new LinkedHashSet<>();
        Set<String> o = new LinkedHashSet<>();
        for (String name : names) {
            String host = name.toLowerCase(Locale.ROOT) + ":" + port;
            h.add(host);
            o.add("http://" + host);
        }
        this.hosts = Collections.unmodifiableSet(h);
        this.origins = Collections.unmodifiableSet(o);
    }

    private static String literal(InetAddress a) {
        String text = a.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return text.contains(":") ? "[" + text + "]" : text;
    }

    /** @return the {@code host:port} values a request may name, the bind address's first */
    Set<String> hosts() {
        return hosts;
    }

    /**
     * Refuses a request that names another host, comes from another origin or is a cross-site
     * fetch of the API, and sets the security headers.
     *
     * @param ctx the request
     * @throws ForbiddenResponse (403) naming what was refused
     */
    void check(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        String host = ctx.header("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ForbiddenResponse("this server answers only requests addressed to it (" + String.join(", ",
                    hosts) + ")");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            throw new ForbiddenResponse("requests from other origins are refused");
        }
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
            if ("cross-site".equals(ctx.header("Sec-Fetch-Site"))) {
                throw new ForbiddenResponse("cross-site requests are refused");
            }
        }
    }
}
