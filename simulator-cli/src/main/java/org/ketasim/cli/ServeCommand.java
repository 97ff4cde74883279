package org.ketasim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ketasim.web.WebServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ketasim serve}: the web app (regimen designer, compare, teaching titration) on a local
 * server until the process is stopped. It listens on loopback unless {@code --bind} says
 * otherwise, reads the scenario catalogue and what the user uploads, and writes no file.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web app: design regimens, compare them, teach titration, in a browser.",
            "It listens on loopback (127.0.0.1) unless --bind says otherwise, and stops with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "The port (default: ${DEFAULT-VALUE}; 0 for any free one).")
    private int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only). Another address "
                    + "lets other machines use the app: only on a network you trust.")
    private String bind;

    @Option(names = "--open", description = "Open the app in the default browser.")
    private boolean open;

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "The scenario catalogue to offer (default: ./scenarios, else the one next to ketasim.jar).")
    private Path scenarios;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw OptionValues.problem("--port", "a port is 0 to 65535, got " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw OptionValues.problem("--bind", "'" + bind + "' is not an address of this machine");
        }
        Path catalogue = catalogue();
        WebServer server;
        try {
            server = WebServer.start(address, port, catalogue);
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw OptionValues.problem("--port", "cannot listen on " + bind + ":"
                        + port + " (" + e.getMessage() + "); is another server using it? Choose another --port");
            }
            throw e;
        }
        PrintWriter err = spec.commandLine().getErr();
        server.warmUp().exceptionally(e -> {
            err.println("ketasim serve: the warm-up failed (a defect: please report it): " + e);
            err.flush();
            return null;
        });
        out.println("ketasim serve: " + server.url() + "  (catalogue: " + server.catalogueSize() + " scenarios"
                + (catalogue == null ? ", none found" : " from " + catalogue) + "; Ctrl-C stops it)");
        for (String problem : server.catalogueProblems()) {
            out.println("  not offered: " + problem);
        }
        if (!address.isLoopbackAddress()) {
            out.println("  listening on " + bind + ": other machines on the network can use the app");
        }
        out.flush();
        if (open) {
            openBrowser(server.url(), out);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCodes.OK;
    }

    private Path catalogue() throws URISyntaxException {
        if (scenarios != null) {
            if (!Files.isDirectory(scenarios)) {
                throw OptionValues.problem("--scenarios", "'" + scenarios + "' is not a folder");
            }
            return scenarios;
        }
        Path here = Path.of("scenarios");
        if (Files.isDirectory(here)) {
            return here;
        }
        Path jar = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path beside = jar.getParent() == null || jar.getParent().getParent() == null ? null
                : jar.getParent().getParent().getParent().resolve("scenarios");
        return beside != null && Files.isDirectory(beside) ? beside : null;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Opens the address with the desktop's own opener (the launcher runs Java headless, without AWT's Desktop). */
    private static void openBrowser(String url, PrintWriter out) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String[] command = os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", url}
                : os.contains("mac") ? new String[] {"open", url} : new String[] {"xdg-open", url};
        try {
            new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            out.println("  could not open a browser (" + e.getMessage() + "); open " + url + " yourself");
        }
    }
}
