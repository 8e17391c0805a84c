package grants.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core is the pure domain: no AWS, and the rules themselves know nothing of JSON. */
@AnalyzeClasses(packages = "grants.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule coreDependsOnNoAws = noClasses().that().resideInAPackage("grants.core..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..");

    @ArchTest
    static final ArchRule domainKnowsNoJson = noClasses()
            .that().resideInAnyPackage("grants.core.programme..", "grants.core.allocation..", "grants.core.money..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "grants.core.json..");
}
