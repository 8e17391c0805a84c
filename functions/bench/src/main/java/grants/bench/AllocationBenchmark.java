package grants.bench;

import grants.core.allocation.Allocation;
import grants.core.allocation.AllocationEngine;
import grants.core.allocation.ControlTotals;
import grants.core.allocation.PlainAllocation;
import grants.documents.ProgrammeJson;
import grants.core.programme.Programme;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The allocation rules on regions of 38, 10,000 and 100,000 partnerships, one run per operation,
 * three ways: the engine (reasons written when read); the engine with every reason written and the
 * CSV's hash taken, as a commit or an export reads them; and the rules as first written plainly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AllocationBenchmark {

    @Param({"38", "10000", "100000"})
    public int partnerships;

    private Programme programme;

    @Setup
    public void generate() {
        // As the programme store keeps it: in canonical order (AllocationService.putProgramme).
        programme = ProgrammeJson.read(RegionGenerator.region("bench", partnerships, 42)).canonical();
    }

    @Benchmark
    public Allocation allocate() {
        return AllocationEngine.allocate(programme);
    }

    @Benchmark
    public ControlTotals allocateAndWriteEveryReason() {
        return AllocationEngine.allocate(programme).totals(); // the CSV hash reads every row's reason
    }

    @Benchmark
    public Allocation plain() {
        return PlainAllocation.allocate(programme);
    }
}
