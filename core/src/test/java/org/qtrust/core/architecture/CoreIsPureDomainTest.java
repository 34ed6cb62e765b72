package org.qtrust.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain depends on the JDK only, and never reads the clock itself. */
@AnalyzeClasses(packages = "org.qtrust.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreIsPureDomainTest {

    @ArchTest
    static final ArchRule core_depends_on_the_jdk_only = classes()
            .that().resideInAPackage("org.qtrust.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.qtrust.core..", "java..")
            .because("core is the pure domain: libraries live in adapters")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule the_domain_never_reads_the_clock = noClasses()
            .that().resideInAPackage("org.qtrust.core..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .because("every trust decision takes an explicit validation time");

    @ArchTest
    static final ArchRule core_has_no_standard_streams =
            com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                    .because("the domain reports through values, not by printing");
}
