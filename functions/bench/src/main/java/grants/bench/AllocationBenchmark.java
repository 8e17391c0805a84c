package grants.bench;

import grants.core.allocation.Allocation;
import grants.core.allocation.AllocationEngine;
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

/** The allocation rules alone, on regions of 38, 10,000 and 100,000 partnerships: one run per operation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AllocationBenchmark {

    @Param({"38", "10000", "100000"})
    public int partnerships;

    private Programme programme;

    @Setup
    public void generate() {
        programme = ProgrammeJson.read(RegionGenerator.region("bench", partnerships, 42));
    }

    @Benchmark
    public Allocation allocate() {
        return AllocationEngine.allocate(programme);
    }
}
