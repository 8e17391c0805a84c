package grants.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** grants-local.jar as shipped: started with java -jar from an unrelated folder, it finds everything it needs. */
class GrantsLocalJarIT {

    @TempDir
    Path elsewhere;

    @Test
    void runsFromAnyWorkingDirectoryAndKeepsItsStateThere() throws IOException, InterruptedException {
        Path programme = elsewhere.resolve("programme.json");
        try (InputStream in = getClass().getResourceAsStream("/data/west-midlands-2007-08.json")) {
            Files.write(programme, in.readAllBytes());
        }
        Path jar = Path.of(System.getProperty("grants.local.jar"));
        Process process = new ProcessBuilder("java", "-jar", jar.toAbsolutePath().toString(), "allocate",
                "--programme", "programme.json", "--out", "out", "--commit")
                .directory(elsewhere.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("COMMITTED run", "final grants 372400.00").doesNotContain("WARNING", "Exception");
        assertThat(elsewhere.resolve("out/allocations.csv")).isRegularFile();
        assertThat(elsewhere.resolve(".grants-local/dynamodb")).isDirectory();
    }
}
