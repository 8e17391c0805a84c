package grants.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * aws-ses-v2-local (npm) in a Node process bound to 127.0.0.1. It installs itself on first use
 * from the package.json carried in this jar, into a cache folder outside any source tree, so the
 * local runner needs nothing but Node and npm on the PATH.
 */
final class LocalSes implements AutoCloseable {

    private static final String PACKAGE_JSON = "/grants/localaws/ses-emulator-package.json";
    private static final String CLI = "node_modules/aws-ses-v2-local/dist/cli.js";

    private final Process process;
    private final URI endpoint;

    private LocalSes(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static LocalSes start(Path installDirectory) throws IOException, InterruptedException {
        install(installDirectory);
        int port = freeLoopbackPort();
        Process process = new ProcessBuilder("node", CLI, "--host", "127.0.0.1", "--port", Integer.toString(port))
                .directory(installDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(installDirectory.resolve("emulator.log").toFile())
                .start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        awaitReady(process, endpoint, installDirectory.resolve("emulator.log"));
        return new LocalSes(process, endpoint);
    }

    /** Default cache: $GRANTS_LOCAL_CACHE, else ~/.cache/grants-local; one folder per emulator version. */
    static Path defaultInstallDirectory() {
        String cache = System.getenv("GRANTS_LOCAL_CACHE");
        Path root = cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache", "grants-local");
        return root.resolve("aws-ses-v2-local-2.10.2");
    }

    private static void install(Path directory) throws IOException, InterruptedException {
        if (Files.exists(directory.resolve(CLI))) {
            return;
        }
        Files.createDirectories(directory);
        try (InputStream packageJson = LocalSes.class.getResourceAsStream(PACKAGE_JSON)) {
            Files.write(directory.resolve("package.json"), packageJson.readAllBytes());
        }
        System.err.println("Installing the SES emulator (aws-ses-v2-local) with npm into " + directory + " ...");
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("npm-install.log").toFile())
                .start();
        if (npm.waitFor() != 0 || !Files.exists(directory.resolve(CLI))) {
            throw new IllegalStateException("npm could not install aws-ses-v2-local; see "
                    + directory.resolve("npm-install.log"));
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(Process process, URI endpoint, Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the SES emulator exited at start; see " + log);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/store").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the SES emulator did not answer within 30 s; see " + log);
    }

    URI endpoint() {
        return endpoint;
    }

    // ---- one emulator per JVM, lent to one stack at a time ----

    /** The JVM's emulator when no stack has it, or null; started by the first stack to ask. */
    private static LocalSes idle;
    private static boolean lent;

    /**
     * The JVM's emulator, its store emptied, for one stack until it gives it back: starting Node takes one to
     * three seconds, and a test JVM goes through dozens of stacks. A second stack asking while it is lent gets
     * a process of its own. The emulator ends with the JVM.
     */
    static synchronized LocalSes borrow(Path installDirectory) throws IOException, InterruptedException {
        if (lent) {
            return start(installDirectory);
        }
        if (idle == null || !idle.process.isAlive()) {
            idle = start(installDirectory);
            LocalSes started = idle;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-ses-emulator"));
        } else {
            idle.clearStore();
        }
        lent = true;
        return idle;
    }

    /** Gives the JVM's emulator back (its emails stay until the next stack borrows it); closes any other. */
    static synchronized void giveBack(LocalSes ses) {
        if (ses == idle) {
            lent = false;
        } else {
            ses.close();
        }
    }

    private void clearStore() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/clear-store").toURL().openConnection();
        connection.setRequestMethod("POST");
        if (connection.getResponseCode() != 200) {
            throw new IOException("the SES emulator did not empty its store: HTTP " + connection.getResponseCode());
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
