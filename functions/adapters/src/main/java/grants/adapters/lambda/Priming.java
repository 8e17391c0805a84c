package grants.adapters.lambda;

import grants.core.allocation.Allocation;
import grants.core.allocation.SeedChecks;
import grants.core.programme.Programme;
import grants.core.run.AllocationRun;
import grants.core.run.RunHeader;
import grants.documents.Json;
import grants.documents.ProgrammeJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What SnapStart's deeper priming works on: a small programme (four partnerships, one of each kind)
 * and its run, made in memory from a document in this jar, never read from or written to the table.
 * A function primes its real path with them, its writes stopped unsent ({@link grants.adapters.aws.Unsent}).
 */
public final class Priming {

    /** What priming names: no programme, run or job of this id is ever stored. */
    public static final String ID = "snapstart-priming";
    /** A run id of the form commits make, from a time no run can have. */
    public static final String RUN_ID = "20000101T000000000Z-000000";

    private Priming() {
    }

    /** The programme, read by the same reader as a stored programme's document. */
    public static Programme programme() {
        try (InputStream in = Priming.class.getResourceAsStream("priming-programme.json")) {
            if (in == null) {
                throw new IllegalStateException("priming-programme.json is missing from the jar");
            }
            return ProgrammeJson.read(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a function's deeper priming and logs what it reached. A failure costs only the snapshot's warmth,
     * never a deployment, so it is logged, not thrown.
     *
     * @return what was primed, in words (for the log and the tests); empty if it stopped
     */
    public static List<String> logged(Supplier<List<String>> deeper) {
        try {
            List<String> primed = deeper.get();
            System.out.println("SnapStart priming: " + primed);
            return primed;
        } catch (RuntimeException notPrimed) {
            System.err.println("SnapStart priming stopped: " + notPrimed);
            return List.of();
        }
    }

    /** The programme allocated by the rules, as a run committed at the epoch. */
    public static AllocationRun run(Programme programme) {
        Allocation allocation = SeedChecks.allocate(programme);
        return new AllocationRun(RunHeader.of(programme.programmeId(), RUN_ID, Instant.EPOCH, "priming", allocation,
                Optional.empty()), allocation.rows());
    }
}
