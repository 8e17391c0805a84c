package grants.architecture;

import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers, over every module's production code: the core knows nothing of the outside; the
 * document formats know no AWS; the adapters know no function and no HTTP representation; and
 * no function knows another. Dependencies point inwards, to {@code grants.core}.
 */
@AnalyzeClasses(packages = "grants", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    private static final String[] AWS = {"software.amazon..", "com.amazonaws.."};

    @ArchTest
    static final ArchRule coreIsThePureDomain = noClasses().that().resideInAPackage("grants.core..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                    "com.fasterxml..", "grants.documents..", "grants.adapters..", "grants.http..", "grants.functions..")
            .because("the rules and use cases must not change when a format, a service or a protocol does");

    @ArchTest
    static final ArchRule documentsKnowNoAws = noClasses().that().resideInAPackage("grants.documents..")
            .should().dependOnClassesThat().resideInAnyPackage(AWS)
            .orShould().dependOnClassesThat().resideInAnyPackage("grants.adapters..", "grants.http..", "grants.functions..");

    @ArchTest
    static final ArchRule adaptersKnowNoFunctionAndNoHttp = noClasses().that().resideInAPackage("grants.adapters..")
            .should().dependOnClassesThat().resideInAnyPackage("grants.functions..", "grants.http..", "grants.local..")
            .because("stored items have their own mappers: renaming an API field must never change what is stored");

    @ArchTest
    static final ArchRule roundsAreStoredAsItemsNotAsTheirDocument = noClasses().that().resideInAPackage("grants.adapters..")
            .should().dependOnClassesThat().resideInAPackage("grants.documents.commissioning..")
            .because("a round's records are stored by RoundItems as attributes of their own: the round document's"
                    + " JSON (RoundDocuments, RoundJson) is the API's and the replay's, never the stored shape");

    @ArchTest
    static final ArchRule httpPlumbingKnowsNoStorage = noClasses().that().resideInAPackage("grants.http..")
            .should().dependOnClassesThat().resideInAnyPackage("grants.adapters..", "grants.functions..");

    @ArchTest
    static final ArchRule functionsAreIndependent = slices().matching("grants.functions.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule functionsDoNotDependOnTheLocalRunner = noClasses().that().resideInAPackage("grants.functions..")
            .should().dependOnClassesThat().resideInAnyPackage("grants.local..", "grants.localaws..", "grants.bench..");

    /**
     * Each function is built in one place, its composition class: a handler builds nothing of ours
     * (no store, service, route or mailer) but that composition, and only routes to what it holds.
     */
    @ArchTest
    static final ArchRule handlersBuildOnlyTheirComposition = noClasses().that().resideInAPackage("grants.functions..")
            .and().haveSimpleNameEndingWith("Handler")
            .should().callConstructorWhere(describe("a constructor of ours other than a composition's",
                    (JavaConstructorCall call) -> call.getTargetOwner().getPackageName().startsWith("grants.")
                            && !call.getTargetOwner().getSimpleName().endsWith("Composition")
                            && !call.getTargetOwner().equals(call.getOriginOwner())))
            .because("the README's recipe names the composition as the one place a function's objects are built");
}
