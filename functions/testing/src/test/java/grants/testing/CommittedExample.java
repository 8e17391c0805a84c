package grants.testing;

import grants.core.run.AllocationService;
import grants.core.run.CommitRequest;
import grants.documents.JsonProgrammeDocuments;

import java.time.Clock;
import java.util.Optional;
import java.util.Random;

/** The Warwickshire example put as programme "wm" and its allocation committed, for the notice tests. */
public final class CommittedExample {

    private CommittedExample() {
    }

    /** Puts the example in {@code programmes}, commits its run in {@code runs}, and returns the run's id. */
    public static String warwickshire(InMemoryProgrammeStore programmes, InMemoryRunStore runs) {
        AllocationService allocations = new AllocationService(programmes, runs, new JsonProgrammeDocuments(),
                Clock.systemUTC(), new Random(1));
        allocations.putProgramme("wm", TestProgrammes.programme(TestProgrammes.WARWICKSHIRE_WITHDRAWN, "wm"));
        return allocations.commit("wm", CommitRequest.confirming(allocations.dryRun("wm").inputHash()), Optional.empty())
                .run().header().runId();
    }
}
