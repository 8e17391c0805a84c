package grants.core.run;

import grants.core.programme.Programme;

/**
 * Writes a committed run's files from the rows in hand (outbound port), before the run is
 * published, so that they need not be read back from the table: the background commit's worker
 * holds every row of a national programme. Only a speed-up: the run's export announces the files
 * only if they are the published run's, and renders them itself otherwise.
 */
@FunctionalInterface
public interface RunFiles {

    /** Nothing written ahead: the export renders the run from the table. */
    RunFiles NONE = (programme, run) -> {
    };

    void writeAhead(Programme programme, AllocationRun run);
}
