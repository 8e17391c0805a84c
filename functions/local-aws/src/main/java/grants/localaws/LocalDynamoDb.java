package grants.localaws;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * DynamoDB Local in this JVM, served over HTTP on 127.0.0.1 only. Its own server runner binds
 * every interface and switches telemetry on; building the server here does neither.
 */
final class LocalDynamoDb implements AutoCloseable {

    /** Held so the setting is not garbage-collected: SQLite's start-up chatter is not for the user. */
    private static final Logger SQLITE_LOG = Logger.getLogger("com.almworks.sqlite4java");

    static {
        SQLITE_LOG.setLevel(Level.SEVERE);
        // DynamoDB Local logs through Log4j 2, whose full implementation looks up this machine's host
        // name at start (a DNS query where /etc/hosts lacks it). The API's simple logger does not.
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    private final Server server;
    private final LocalDynamoDBRequestHandler handler;

    private LocalDynamoDb(Server server, LocalDynamoDBRequestHandler handler) {
        this.server = server;
        this.handler = handler;
    }

    /** @param dataDirectory where tables persist between runs; empty keeps them in memory */
    static LocalDynamoDb start(Optional<Path> dataDirectory) throws Exception {
        LocalDynamoDBRequestHandler handler = new LocalDynamoDBRequestHandler(0, dataDirectory.isEmpty(),
                dataDirectory.map(Path::toString).orElse(null), true, false);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler();
        context.setHandler(new LocalDynamoDBServerHandler(handler, null));
        server.setHandler(context);
        server.start();
        return new LocalDynamoDb(server, handler);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        } finally {
            handler.shutdown();
        }
    }
}
