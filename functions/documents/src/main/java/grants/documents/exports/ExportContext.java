package grants.documents.exports;

import grants.core.allocation.AllocationRow;
import grants.core.allocation.Status;
import grants.core.programme.Partnership;
import grants.core.programme.Programme;
import grants.core.programme.Submission;
import grants.core.run.AllocationRun;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A committed run with the programme it was computed from: what every export file is made of. */
record ExportContext(Programme programme, AllocationRun run, Map<String, Partnership> partnerships,
                     Map<String, Submission> submissions) {

    static ExportContext of(Programme programme, AllocationRun run) {
        Map<String, Partnership> partnerships = new HashMap<>();
        programme.partnerships().forEach(p -> partnerships.put(p.id(), p));
        Map<String, Submission> submissions = new HashMap<>();
        programme.submissions().forEach(s -> submissions.put(s.partnershipId(), s));
        return new ExportContext(programme, run, partnerships, submissions);
    }

    /** The rows that pay money: funded, with a grant above zero. */
    List<AllocationRow> grants() {
        return run.rows().stream().filter(r -> r.status() == Status.FUNDED && r.finalGrantPence() > 0).toList();
    }

    String runId() {
        return run.header().runId();
    }

    String awardDate() {
        return run.header().committedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
