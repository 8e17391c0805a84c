package grants.localaws;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;
import software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteLibraryLoader;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

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

    /** The one database DynamoDB Local keeps for every table when its tables are shared, as ours are. */
    private static final String DATABASE_FILE = "shared-local-instance.db";

    /** sqlite4java's name for the thread that holds a database file open. */
    private static final String DATABASE_THREAD = "SQLiteQueue[" + DATABASE_FILE + "]";

    private final Server server;
    private final LocalDynamoDBRequestHandler handler;
    /** The database threads running before this one started: another stack's, not to be waited for. */
    private final Set<Thread> othersDatabaseThreads;

    private LocalDynamoDb(Server server, LocalDynamoDBRequestHandler handler, Set<Thread> othersDatabaseThreads) {
        this.server = server;
        this.handler = handler;
        this.othersDatabaseThreads = othersDatabaseThreads;
    }

    /** @param dataDirectory where tables persist between runs; empty keeps them in memory */
    static LocalDynamoDb start(Optional<Path> dataDirectory) throws Exception {
        Set<Thread> othersDatabaseThreads = databaseThreads();
        if (dataDirectory.isPresent()) {
            writeAheadToALog(dataDirectory.get().resolve(DATABASE_FILE));
        }
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
        return new LocalDynamoDb(server, handler, othersDatabaseThreads);
    }

    /**
     * Puts the tables' SQLite database in write-ahead-log mode (the file keeps it) before DynamoDB
     * Local opens it: each write is then one flush to disk, where SQLite's default journal is written,
     * flushed and removed around every write (a committed run of 38 partnerships spent some 20 s on
     * that). Just as durable: SQLite still flushes at every commit. A database another process holds
     * keeps its mode; it is only slower.
     */
    private static void writeAheadToALog(Path database) throws Exception {
        SQLiteLibraryLoader.initialize();
        SQLiteConnection connection = new SQLiteConnection(database.toFile());
        try {
            connection.open(true);
            connection.exec("PRAGMA journal_mode=WAL");
        } catch (SQLiteException held) {
            // busy in another process: DynamoDB Local opens it as it is
        } finally {
            connection.dispose();
        }
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
            awaitDatabaseClosed();
        }
    }

    /**
     * DynamoDB Local closes its database on a thread of its own after shutting down; in write-ahead
     * mode, closing copies the log into the file under a lock. Waiting for it means a stack started
     * next on the same folder (the runner's next command in the same JVM, as in tests) finds the file free.
     */
    private void awaitDatabaseClosed() {
        for (Thread thread : databaseThreads()) {
            if (!othersDatabaseThreads.contains(thread)) {
                try {
                    thread.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Set<Thread> databaseThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(DATABASE_THREAD))
                .collect(Collectors.toSet());
    }
}
