package grants.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * grants-bench.jar: the measurements of BENCHMARKS.md, each printed as a Markdown table. Run from
 * the repository root after {@code mvn package}: it reads events/ and the function jars there.
 */
@Command(name = "grants-bench", mixinStandardHelpOptions = true,
        subcommands = {Bench.Allocation.class, Bench.EndToEndCommand.class, Bench.EndToEndPaymentsCommand.class,
                Bench.RoundScaleCommand.class, Bench.ColdStartCommand.class,
                Bench.JarSizes.class, Bench.NoticeRateCommand.class, Bench.DailyRunCommand.class,
                Bench.GovernanceDailyRunCommand.class})
public final class Bench {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    private static String hardware() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.arch");
    }

    @Command(name = "allocation", description = "JMH: the rules on regions of 38, 10,000 and 100,000 (forked JVM, -Xmx512m).")
    static final class Allocation implements Callable<Integer> {
        @Option(names = "--quick", description = "Fewer iterations: a smoke test, not a measurement.") boolean quick;
        @Option(names = "--sizes", split = ",", defaultValue = "38,10000,100000",
                description = "Region sizes (default: ${DEFAULT-VALUE}).") List<String> sizes;

        @Override
        public Integer call() throws Exception {
            Options options = new OptionsBuilder().include(AllocationBenchmark.class.getName())
                    .param("partnerships", sizes.toArray(String[]::new))
                    .forks(1).jvmArgs("-Xmx512m", "-Xms512m")
                    .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                    .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2)).build();
            Collection<RunResult> results = new Runner(options).run();
            System.out.println("\n" + hardware() + "; one fork, heap -Xmx512m");
            System.out.println("| partnerships | benchmark | time per run (µs) | error (99.9%) | recipients per second |");
            System.out.println("|---:|---|---:|---:|---:|");
            for (RunResult result : results) {
                int size = Integer.parseInt(result.getParams().getParam("partnerships"));
                double micros = result.getPrimaryResult().getScore();
                System.out.printf("| %,d | %s | %,.1f | ± %,.1f | %,.0f |%n", size, result.getParams().getBenchmark()
                        .replaceFirst(".*\\.", ""), micros, result.getPrimaryResult().getScoreError(), size / (micros / 1_000_000));
            }
            return 0;
        }
    }

    @Command(name = "e2e", description = "Store, dry run, commit and export on the embedded stack, against the floor.")
    static final class EndToEndCommand implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", defaultValue = "10000,100000") List<Integer> sizes;
        @Option(names = "--runs", defaultValue = "3") int runs;

        @Override
        public Integer call() {
            List<EndToEnd.Result> all = new ArrayList<>();
            for (int size : sizes) {
                for (int run = 1; run <= runs; run++) {
                    all.add(EndToEnd.run(size, run, System.out));
                }
            }
            System.out.println("\n" + hardware() + "; medians of " + runs + " runs, milliseconds");
            System.out.println("| partnerships | store | dry run | commit (with the files) | floor: BatchWriteItem | commit / floor"
                    + " | files from the rows in hand | ExportFinance (with the ledger's files) | ledger intake, side by side"
                    + " | export: files + ExportFinance | export MB"
                    + " | floor: one PutObject | export / floor |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int size : sizes) {
                List<EndToEnd.Result> of = all.stream().filter(r -> r.partnerships() == size).toList();
                long commit = Stopwatch.median(of.stream().map(EndToEnd.Result::commit).toList());
                long floorWrite = Stopwatch.median(of.stream().map(EndToEnd.Result::floorWrite).toList());
                long files = Stopwatch.median(of.stream().map(EndToEnd.Result::files).toList());
                long announce = Stopwatch.median(of.stream().map(EndToEnd.Result::export).toList());
                long export = Stopwatch.median(of.stream().map(r -> r.files() + r.export()).toList());
                long floorPut = Stopwatch.median(of.stream().map(EndToEnd.Result::floorPut).toList());
                System.out.printf("| %,d | %,d | %,d | %,d | %,d | %.2f | %,d | %,d | %,d | %,d | %.1f | %,d | %.2f |%n", size,
                        Stopwatch.median(of.stream().map(EndToEnd.Result::load).toList()),
                        Stopwatch.median(of.stream().map(EndToEnd.Result::dryRun).toList()), commit, floorWrite,
                        (double) commit / floorWrite, files, announce,
                        Stopwatch.median(of.stream().map(EndToEnd.Result::intake).toList()), export, of.get(0).exportBytes() / 1e6, floorPut,
                        (double) export / Math.max(1, floorPut));
            }
            return 0;
        }
    }

    @Command(name = "e2e-payments", description = "The monitoring payment run of a committed run's grants (1 in 20 held)"
            + " and its payments.csv, through MonitorAgreements on the embedded stack, against the floor.")
    static final class EndToEndPaymentsCommand implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", defaultValue = "10000,100000") List<Integer> sizes;
        @Option(names = "--runs", defaultValue = "1") int runs;

        @Override
        public Integer call() {
            List<EndToEndPayments.Result> all = new ArrayList<>();
            for (int size : sizes) {
                for (int run = 1; run <= runs; run++) {
                    all.add(EndToEndPayments.run(size, run, System.out));
                }
            }
            System.out.println("\n" + hardware() + "; medians of " + runs + " run(s), milliseconds");
            System.out.println("| partnerships | agreements | held | put in (16 writers) | payment run (POST /payment-runs)"
                    + " | its PAYMENT_RUN# items | floor: BatchWriteItem of them | run / floor"
                    + " | payments.csv (GET) | CSV MB | floor: Query of the day's items | csv / floor"
                    + " | one GetObject of the CSV | paid (£, checked to the penny) |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int size : sizes) {
                List<EndToEndPayments.Result> of = all.stream().filter(r -> r.partnerships() == size).toList();
                EndToEndPayments.Result first = of.get(0);
                long run = Stopwatch.median(of.stream().map(EndToEndPayments.Result::run).toList());
                long floorWrite = Stopwatch.median(of.stream().map(EndToEndPayments.Result::floorWrite).toList());
                long file = Stopwatch.median(of.stream().map(EndToEndPayments.Result::file).toList());
                long floorQuery = Stopwatch.median(of.stream().map(EndToEndPayments.Result::floorQuery).toList());
                System.out.printf("| %,d | %,d | %,d | %,d | %,d | %,d (%.1f MB) | %,d | %.2f | %,d | %.1f | %,d | %.2f | %,d | %s |%n",
                        size, first.agreements(), first.held(),
                        Stopwatch.median(of.stream().map(EndToEndPayments.Result::seed).toList()), run, first.runItems(),
                        first.runItemBytes() / 1e6, floorWrite, (double) run / Math.max(1, floorWrite), file,
                        first.fileBytes() / 1e6, floorQuery, (double) file / Math.max(1, floorQuery),
                        Stopwatch.median(of.stream().map(EndToEndPayments.Result::floorGet).toList()),
                        grants.core.money.Money.format(first.paidPence()));
                System.out.printf("(%,d partnerships: the run's answer %.1f MB, the file's %.1f MB; a Lambda answer carries 6 MB)%n",
                        size, first.runResponseBytes() / 1e6, first.fileBytes() / 1e6);
            }
            return 0;
        }
    }

    @Command(name = "round-scale", description = "A round of 50 priorities, 2,000 proposals and 20,000 scores decided on the embedded stack.")
    static final class RoundScaleCommand implements Callable<Integer> {
        @Option(names = "--priorities", defaultValue = "50") int priorities;
        @Option(names = "--proposals-per-priority", defaultValue = "40") int proposalsPerPriority;
        @Option(names = "--runs", defaultValue = "3") int runs;

        @Override
        public Integer call() {
            List<RoundScale.Result> all = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                all.add(RoundScale.run(priorities, proposalsPerPriority, System.out));
            }
            RoundScale.Result first = all.get(0);
            System.out.println("\n" + hardware() + "; medians of " + runs + " runs, milliseconds");
            System.out.println("| priorities | proposals | scores | store (16 writers) | rules in memory | decide through the handler | read the decisions | decisions MB |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
            System.out.printf("| %d | %,d | %,d | %,d | %,d | %,d | %,d | %.1f |%n", first.priorities(), first.proposals(),
                    first.scores(), Stopwatch.median(all.stream().map(RoundScale.Result::load).toList()),
                    Stopwatch.median(all.stream().map(RoundScale.Result::decideInMemory).toList()),
                    Stopwatch.median(all.stream().map(RoundScale.Result::decideOnTheStack).toList()),
                    Stopwatch.median(all.stream().map(RoundScale.Result::decisionsRead).toList()),
                    first.responseBytes() / 1e6);
            return 0;
        }
    }

    @Command(name = "daily-run", description = "The daily reminder run over 100,000 agreements: a day with none due, one with 1,000.")
    static final class DailyRunCommand implements Callable<Integer> {
        @Option(names = "--agreements", defaultValue = "100000") int agreements;
        @Option(names = "--due", defaultValue = "1000", description = "Agreements whose first reminder falls on the busy day.") int due;

        @Override
        public Integer call() {
            DailyRunScale.Result result = DailyRunScale.run(agreements, due, System.out);
            System.out.println("\n" + hardware() + "; one run each, milliseconds");
            System.out.println("| agreements | returns | enter " + result.due() + " (use case, 16 writers) | put in the rest"
                    + " | run, nothing due | run, " + result.due() + " due | the same day again |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
            System.out.printf("| %,d | %,d | %,d | %,d | %,d | %,d | %,d |%n", result.agreements(), result.returns(),
                    result.enter(), result.seed(), result.quietDay(), result.busyDay(), result.busyDayAgain());
            System.out.println("\n" + result.quietSummary() + "\n" + result.busySummary() + "\n" + result.againSummary());
            return 0;
        }
    }

    @Command(name = "governance-daily-run",
            description = "The daily escalation run over 100,000 actions: a day with none due, one with 1,000 escalated.")
    static final class GovernanceDailyRunCommand implements Callable<Integer> {
        @Option(names = "--actions", defaultValue = "100000") int actions;
        @Option(names = "--due", defaultValue = "1000", description = "Actions 20 working days overdue on the busy day.") int due;

        @Override
        public Integer call() {
            GovernanceDailyRunScale.Result result = GovernanceDailyRunScale.run(actions, due, System.out);
            System.out.println("\n" + hardware() + "; one run each, milliseconds");
            System.out.println("| actions | decide " + result.due() + " (use case, 16 writers) | put in the rest"
                    + " | run, nothing due | run, " + result.due() + " overdue but not yet 20 working days"
                    + " | run, " + result.due() + " escalated | the same day again |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
            System.out.printf("| %,d | %,d | %,d | %,d | %,d | %,d | %,d |%n", result.actions(), result.decide(),
                    result.seed(), result.quietDay(), result.notYetDay(), result.busyDay(), result.busyDayAgain());
            System.out.println("\n" + String.join("\n", result.summaries()) + "\n" + result.emailsQueued()
                    + " escalation email(s) queued, each with its ledger row");
            return 0;
        }
    }

    @Command(name = "cold-start", description = "Each function's first request in a fresh JVM, against a hello-world handler.")
    static final class ColdStartCommand implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5") int runs;
        @Option(names = "--cds", description = "Also with an AppCDS archive of each function's classes.") boolean cds;
        @Option(names = "--full-tiered", description = "Without the template's JAVA_TOOL_OPTIONS (C1 only), to see what they buy.")
        boolean fullTiered;
        @Option(names = "--only", split = ",", description = "Only these functions (their names in the table, or modules).")
        List<String> only = List.of();

        @Override
        public Integer call() throws Exception {
            List<String> flags = fullTiered ? List.of() : ColdStart.AS_DEPLOYED;
            Map<String, long[]> results = ColdStart.run(Path.of("."), runs, cds, flags, only, System.out);
            long baseline = results.get("hello-world (baseline)")[3];
            System.out.println("\n" + hardware() + "; JVM flags " + flags + "; medians of " + runs + " fresh JVMs, ms");
            System.out.println("| function | handler built | priming | first request | JVM start to response | ratio to hello-world"
                    + " | first request / hello-world's JVM start to response |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            results.forEach((name, phases) -> System.out.printf("| %s | %,d | %,d | %,d | %,d | %.2f | %.2f |%n", name,
                    phases[0], phases[1], phases[2], phases[3], (double) phases[3] / baseline,
                    (double) phases[2] / baseline));
            return 0;
        }
    }

    @Command(name = "jar-sizes", description = "The size of each function's jar named by template.yaml.")
    static final class JarSizes implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            Matcher codeUris = Pattern.compile("CodeUri: (\\S+)").matcher(Files.readString(Path.of("template.yaml")));
            System.out.println("| jar | MB | within 12 MB |");
            System.out.println("|---|---:|:---:|");
            while (codeUris.find()) {
                long bytes = Files.size(Path.of(codeUris.group(1)));
                System.out.printf("| %s | %.1f | %s |%n", codeUris.group(1), bytes / 1e6, bytes <= 12_000_000 ? "yes" : "no");
            }
            return 0;
        }
    }

    @Command(name = "notice-rate", description = "N notices at R per second through the local SES.")
    static final class NoticeRateCommand implements Callable<Integer> {
        @Option(names = "--notices", defaultValue = "20") int notices;
        @Option(names = "--rate", defaultValue = "5") double rate;

        @Override
        public Integer call() {
            NoticeRate.Result result = NoticeRate.run(notices, rate);
            System.out.println("| notices | rate R per s | expected N/R s | took s | most sent in any one second |");
            System.out.println("|---:|---:|---:|---:|---:|");
            System.out.printf("| %d | %.0f | %.1f | %.2f | %d |%n", result.notices(), result.rate(),
                    result.notices() / result.rate(), result.millis() / 1000.0, result.busiestSecond());
            return 0;
        }
    }
}
