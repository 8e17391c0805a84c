package grants.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core is the pure domain: no AWS, no JSON, no HTTP (the rules over every layer are in functions/local). */
@AnalyzeClasses(packages = "grants.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule coreDependsOnNoAwsNoJsonNoHttp = noClasses().that().resideInAPackage("grants.core..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                    "com.fasterxml..", "java.net.http..");
}
