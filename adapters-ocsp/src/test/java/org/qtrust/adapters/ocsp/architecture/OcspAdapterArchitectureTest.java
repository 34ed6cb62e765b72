package org.qtrust.adapters.ocsp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The OCSP adapter uses core, Bouncy Castle and the JDK; Guice only in its guice package; no standard streams. */
@AnalyzeClasses(packages = "org.qtrust.adapters.ocsp", importOptions = ImportOption.DoNotIncludeTests.class)
class OcspAdapterArchitectureTest {

    @ArchTest
    static final ArchRule only_core_bouncy_castle_and_the_jdk = classes()
            .that().resideInAPackage("org.qtrust.adapters.ocsp")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "org.qtrust.adapters.ocsp..", "org.qtrust.core..", "org.bouncycastle..", "java..", "javax.security..")
            .because("the adapter reaches the network only through the core HttpTransport port");

    @ArchTest
    static final ArchRule guice_only_in_the_guice_package = noClasses()
            .that().resideOutsideOfPackage("org.qtrust.adapters.ocsp.guice..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..");

    @ArchTest
    static final ArchRule no_standard_streams =
            com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
