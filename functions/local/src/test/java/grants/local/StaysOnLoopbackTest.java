package grants.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner, the emulators and the SDK clients together never open a connection to, or even
 * look up, anything but loopback: every connect and name lookup in this JVM is recorded while a
 * committed run goes through the whole stack. (A SecurityManager is the one hook that sees them
 * all; it is deprecated, but still works in Java 17 for exactly this kind of check.)
 */
class StaysOnLoopbackTest {

    @TempDir
    Path work;

    @Test
    @SuppressWarnings("removal")
    void aCommittedRunTouchesNoAddressButLoopback() throws IOException {
        Path programme = work.resolve("programme.json");
        try (InputStream in = getClass().getResourceAsStream("/data/west-midlands-2007-08.json")) {
            Files.write(programme, in.readAllBytes());
        }
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        SecurityManager recorder = new SecurityManager() {
            @Override
            public void checkConnect(String host, int port) {
                if (!isLoopback(host)) {
                    elsewhere.add(host + ":" + port);
                }
            }

            @Override
            public void checkConnect(String host, int port, Object context) {
                checkConnect(host, port);
            }

            @Override
            public void checkPermission(Permission permission) {
                // everything else is allowed: this manager only watches the network
            }
        };
        System.setSecurityManager(recorder);
        int exitCode;
        try {
            exitCode = GrantsLocal.run("allocate", "--programme", programme.toString(), "--out",
                    work.resolve("out").toString(), "--state", work.resolve("state").toString(), "--commit");
        } finally {
            System.setSecurityManager(null);
        }

        assertThat(exitCode).isZero();
        assertThat(elsewhere).isEmpty();
    }

    /** By its text only: resolving a name here would itself be a lookup, and recurse into this manager. */
    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1") || host.equals("[::1]");
    }
}
