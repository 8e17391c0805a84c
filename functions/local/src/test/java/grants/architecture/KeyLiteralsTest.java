package grants.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No key prefix of the grants table ({@code "PROGRAMME#"}, {@code "RUN#"} ...) is written anywhere
 * but the adapters' {@code Keys}: a key format has one owner, so it cannot drift between copies.
 * Bytecode keeps no trace of where a string literal stood, so this reads the sources.
 */
class KeyLiteralsTest {

    private static final Path FUNCTIONS = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern KEY_PREFIX_LITERAL = Pattern.compile("\"[A-Z][A-Z_]*#");
    private static final Path OWNER = Path.of("adapters/src/main/java/grants/adapters/dynamodb/Keys.java");

    static List<String> keyPrefixLiteralsOutsideKeys(Path functions) throws IOException {
        return SourceScan.matchingLines(functions, file -> file.toString().endsWith(".java")
                && file.toString().contains("/src/main/") && !file.equals(OWNER), KEY_PREFIX_LITERAL);
    }

    @Test
    void onlyTheKeysClassWritesKeyPrefixes() throws IOException {
        assertThat(Files.isRegularFile(FUNCTIONS.resolve(OWNER))).as("the scan starts from functions/").isTrue();

        assertThat(keyPrefixLiteralsOutsideKeys(FUNCTIONS)).isEmpty();
    }

    @Test
    void theScanFindsAPrefixWrittenElsewhere(@org.junit.jupiter.api.io.TempDir Path functions) throws IOException {
        Path handler = functions.resolve("some-function/src/main/java/grants/functions/some/Handler.java");
        Files.createDirectories(handler.getParent());
        Files.writeString(handler, "class Handler { String pk = \"PROGRAMME#\" + id; }\n");

        assertThat(keyPrefixLiteralsOutsideKeys(functions)).singleElement().asString().contains("PROGRAMME#");
    }
}
