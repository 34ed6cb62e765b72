package org.qtrust.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The embedding examples use only what an embedding application gets from the published modules
 * (core and the adapters), never an application's classes; and each example takes only the
 * modules docs/embedding.md says it takes.
 */
@AnalyzeClasses(packages = "org.qtrust.examples", importOptions = ImportOption.DoNotIncludeTests.class)
class ExamplesArchitectureTest {

    @ArchTest
    static final ArchRule examples_never_use_the_applications = noClasses()
            .that().resideInAPackage("org.qtrust.examples..")
            .should().dependOnClassesThat().resideInAnyPackage("org.qtrust.cli..", "org.qtrust.server..", "picocli..",
                    "org.eclipse.jetty..")
            .because("an embedding application has core and the adapters, not the CLI or the server");

    @ArchTest
    static final ArchRule offline_example_is_core_xml_and_crypto_without_guice = noClasses()
            .that().haveSimpleName("OfflineDecision")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "org.qtrust.adapters.http..",
                    "org.qtrust.adapters.ocsp..", "org.qtrust.adapters.redis..")
            .because("example (a) is core + adapters-xml + adapters-crypto, without Guice and without network");

    @ArchTest
    static final ArchRule credential_example_is_core_xml_and_crypto_without_guice = noClasses()
            .that().haveSimpleName("CredentialVerification")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "org.qtrust.adapters.http..",
                    "org.qtrust.adapters.ocsp..", "org.qtrust.adapters.redis..")
            .because("example (c) verifies offline with core + adapters-xml + adapters-crypto");
}
