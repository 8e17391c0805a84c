package grants.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import grants.core.allocation.AllocationCsv;
import grants.documents.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fetches a run's export as finance would: the export API's presigned links, downloaded over plain
 * HTTP from the local S3, every file checked against the manifest before it is written to DIR.
 */
final class ExportFiles {

    private ExportFiles() {
    }

    /** Null when the export API refused (its error is printed); otherwise the files written. */
    static Map<String, byte[]> fetch(LocalFunctions functions, String programmeId, String runId, Path outDirectory,
                                     PrintStream out, PrintStream err) throws IOException {
        APIGatewayV2HTTPResponse response = functions.allocateGrants(
                "GET /programmes/{programmeId}/allocation-runs/{runId}/exports",
                Map.of("programmeId", programmeId, "runId", runId), null, Map.of());
        if (response.getStatusCode() != 200) {
            err.println(Json.parse(response.getBody()).get("error").get("message").asText());
            return null;
        }
        return save(Json.parse(response.getBody()).get("files"), outDirectory, out);
    }

    /** Downloads every linked file, checks each against the manifest's SHA-256, and writes them to the directory. */
    static Map<String, byte[]> save(JsonNode links, Path outDirectory, PrintStream out) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        links.fields().forEachRemaining(link -> {
            try {
                files.put(link.getKey(), download(URI.create(link.getValue().asText())));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        JsonNode manifest = Json.parse(new String(files.get("manifest.json"), StandardCharsets.UTF_8));
        for (JsonNode entry : manifest.get("files")) {
            byte[] bytes = files.get(entry.get("name").asText());
            if (bytes == null || !AllocationCsv.sha256(bytes).equals(entry.get("sha256").asText())) {
                throw new IllegalStateException(entry.get("name").asText() + " does not match the manifest's SHA-256");
            }
        }
        Files.createDirectories(outDirectory);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(outDirectory.resolve(file.getKey()), file.getValue());
            out.printf("  %-18s %9d bytes  sha256 %s%n", file.getKey(), file.getValue().length,
                    AllocationCsv.sha256(file.getValue()));
        }
        return files;
    }

    private static byte[] download(URI link) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) link.toURL().openConnection();
        if (connection.getResponseCode() != 200) {
            throw new IOException("GET " + link + " answered " + connection.getResponseCode());
        }
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
