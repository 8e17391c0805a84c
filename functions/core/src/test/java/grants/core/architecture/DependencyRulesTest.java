package grants.core.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The core is the pure domain: no AWS, no JSON, no HTTP (the rules over every layer are in functions/local). */
@AnalyzeClasses(packages = "grants.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule coreDependsOnNoAwsNoJsonNoHttp = noClasses().that().resideInAPackage("grants.core..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                    "com.fasterxml..", "java.net.http..");

    /** Monitoring takes agreements from what rounds publish and runs commit; they never know it exists. */
    @ArchTest
    static final ArchRule nothingThatMakesAgreementsDependsOnMonitoring = noClasses()
            .that().resideInAnyPackage("grants.core.rounds..", "grants.core.commissioning..", "grants.core.run..",
                    "grants.core.allocation..")
            .should().dependOnClassesThat().resideInAPackage("grants.core.monitoring..");

    /**
     * Governance uses the kernel only: what it needs of performance reporting comes through its own
     * port ({@code PackExceptions}), which reporting's side implements outside the core.
     */
    @ArchTest
    static final ArchRule governanceUsesTheKernelOnly = classes().that().resideInAPackage("grants.core.governance..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("grants.core.governance..", "grants.core.access..",
                    "grants.core.audit..", "grants.core.calendar..", "grants.core.errors..", "grants.core.money..",
                    "grants.core.text..", "grants.core.mail..", "com.samskivert.mustache..", "java..");

    /**
     * The ledger uses the kernel only: the capabilities that spend money (runs, rounds, bookings,
     * payment runs) commit and pay through it, and it knows none of them.
     */
    @ArchTest
    static final ArchRule ledgerUsesTheKernelOnly = classes().that().resideInAPackage("grants.core.ledger..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("grants.core.ledger..", "grants.core.access..",
                    "grants.core.audit..", "grants.core.calendar..", "grants.core.errors..", "grants.core.money..",
                    "grants.core.text..", "java..");

    /** Nothing else in the core knows governance exists. */
    @ArchTest
    static final ArchRule nothingInTheCoreDependsOnGovernance = noClasses()
            .that().resideOutsideOfPackage("grants.core.governance..")
            .should().dependOnClassesThat().resideInAPackage("grants.core.governance..");

    /**
     * Reporting takes what it needs of monitoring (the contributing agreements' outputs) through a port
     * of its own, and governance takes its board packs through a port of its own: so it depends on neither.
     */
    @ArchTest
    static final ArchRule reportingDependsOnNeitherMonitoringNorGovernance = noClasses()
            .that().resideInAPackage("grants.core.reporting..")
            .should().dependOnClassesThat().resideInAnyPackage("grants.core.monitoring..", "grants.core.governance..");

    /**
     * The capabilities, which may use one another one way only. The kernel they all share (access,
     * audit, calendar, errors, mail, money, text) is left out: access and audit name each other.
     */
    private static final Set<String> CAPABILITIES = Set.of("allocation", "commissioning", "commitments", "exports", "governance",
            "ledger", "monitoring", "notices", "programme", "reporting", "rounds", "run", "support", "events", "evaluation");

    @ArchTest
    static final ArchRule capabilityPackagesHaveNoCycles = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] parts = javaClass.getPackageName().split("\\.");
            return parts.length > 2 && CAPABILITIES.contains(parts[2]) ? SliceIdentifier.of(parts[2])
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the capability packages of grants.core";
        }
    }).should().beFreeOfCycles();

    /**
     * Where a round's money goes reads rounds, commissioning, reporting and the ledger's access rule one way:
     * none of them, nor anything else in the core, knows it exists.
     */
    @ArchTest
    static final ArchRule theMoneyMapReadsRoundsAndReportingOneWay = classes().that()
            .resideInAPackage("grants.core.moneymap..").should().onlyDependOnClassesThat().resideInAnyPackage(
                    "grants.core.moneymap..", "grants.core.rounds..", "grants.core.commissioning..",
                    "grants.core.reporting..", "grants.core.ledger..", "grants.core.access..", "grants.core.audit..",
                    "grants.core.calendar..", "grants.core.errors..", "grants.core.money..", "grants.core.text..",
                    "java..");

    @ArchTest
    static final ArchRule nothingInTheCoreDependsOnTheMoneyMap = noClasses()
            .that().resideOutsideOfPackage("grants.core.moneymap..")
            .should().dependOnClassesThat().resideInAPackage("grants.core.moneymap..");

    /**
     * Events use the kernel, and one way: support (an adviser's contract, the counter bookings share), the notices'
     * letters (their emails) and whether a programme exists; none of those knows events exist. An event's cost is
     * committed through the ledger, which knows nobody.
     */
    @ArchTest
    static final ArchRule eventsUseTheKernelSupportAndNoticesOnly = classes().that().resideInAPackage("grants.core.events..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("grants.core.events..", "grants.core.access..",
                    "grants.core.audit..", "grants.core.calendar..", "grants.core.errors..", "grants.core.money..",
                    "grants.core.text..", "grants.core.mail..", "grants.core.support..", "grants.core.notices..",
                    "grants.core.run..", "grants.core.ledger..", "com.samskivert.mustache..", "java..");

    /** Only the evaluation reads events (their {@code Participation}); nothing else in the core knows they exist. */
    @ArchTest
    static final ArchRule onlyTheEvaluationDependsOnEvents = noClasses()
            .that().resideOutsideOfPackages("grants.core.events..", "grants.core.evaluation..")
            .and().resideInAPackage("grants.core..")
            .should().dependOnClassesThat().resideInAPackage("grants.core.events..");

    /**
     * Assessing uses the kernel only, and support one way (the specialisms its domains map to, and the
     * narrow {@code PartnershipNeeds} it implements): the programme document reaches it through its own port.
     */
    @ArchTest
    static final ArchRule assessmentUsesTheKernelAndSupportOnly = classes().that().resideInAPackage("grants.core.assessment..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("grants.core.assessment..", "grants.core.support..",
                    "grants.core.access..", "grants.core.audit..", "grants.core.errors..", "grants.core.money..",
                    "grants.core.text..", "java..");

    /** Support suggests advisers from a partnership's needs through its own port; it never reads assessments. */
    @ArchTest
    static final ArchRule supportNeverDependsOnAssessment = noClasses().that().resideInAPackage("grants.core.support..")
            .should().dependOnClassesThat().resideInAPackage("grants.core.assessment..");

    /**
     * Evaluation uses the kernel only: the programme's partnerships and the support they received come
     * through its own ports ({@code SurveyedPartnership.Source}, {@code SupportReceived}), implemented outside the core.
     */
    @ArchTest
    static final ArchRule evaluationUsesTheKernelOnly = classes().that().resideInAPackage("grants.core.evaluation..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("grants.core.evaluation..", "grants.core.access..",
                    "grants.core.audit..", "grants.core.errors..", "grants.core.text..", "grants.core.mail..",
                    "com.samskivert.mustache..", "java..");

    /**
     * Opening a second call uses the rounds' set-up, the ledger's carry and the bindings, one way: neither
     * rounds nor the ledger know it exists, and nothing else in the core depends on it.
     */
    @ArchTest
    static final ArchRule theSecondCallUsesRoundsAndTheLedgerOneWay = classes().that()
            .resideInAPackage("grants.core.secondcall..").should().onlyDependOnClassesThat().resideInAnyPackage(
                    "grants.core.secondcall..", "grants.core.rounds..", "grants.core.commissioning..",
                    "grants.core.ledger..", "grants.core.calendar..", "grants.core.access..", "grants.core.audit..",
                    "grants.core.errors..", "grants.core.money..", "grants.core.text..", "java..");

    @ArchTest
    static final ArchRule nothingInTheCoreDependsOnTheSecondCall = noClasses()
            .that().resideOutsideOfPackage("grants.core.secondcall..").and().resideInAPackage("grants.core..")
            .should().dependOnClassesThat().resideInAPackage("grants.core.secondcall..");
}
