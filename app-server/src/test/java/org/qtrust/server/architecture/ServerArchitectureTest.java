package org.qtrust.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The server is a thin app: it never reaches into the CLI, and Jetty and Guice stay at its edges. */
@AnalyzeClasses(packages = "org.qtrust", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    @ArchTest
    static final ArchRule server_does_not_depend_on_the_cli = noClasses()
            .that().resideInAPackage("org.qtrust.server..")
            .should().dependOnClassesThat().resideInAPackage("org.qtrust.cli..")
            .because("app-server and app-cli are independent applications over the same core and adapters");

    @ArchTest
    static final ArchRule core_and_adapters_do_not_know_the_server = noClasses()
            .that().resideInAnyPackage("org.qtrust.core..", "org.qtrust.adapters..")
            .should().dependOnClassesThat().resideInAPackage("org.qtrust.server..")
            .because("apps assemble the hexagon, not the other way round");

    @ArchTest
    static final ArchRule jetty_only_in_the_http_edge = noClasses()
            .that().resideInAPackage("org.qtrust.server..")
            .and().resideOutsideOfPackage("org.qtrust.server.http..")
            .and().doNotHaveFullyQualifiedName("org.qtrust.server.QtrustServer")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
            .because("endpoints answer values; only the HTTP edge knows the web server");

    @ArchTest
    static final ArchRule guice_only_in_wiring = noClasses()
            .that().resideInAPackage("org.qtrust.server..")
            .and().resideOutsideOfPackage("org.qtrust.server.wiring..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
            .because("wiring is one module's job");

    @ArchTest
    static final ArchRule core_stays_pure = noClasses()
            .that().resideInAPackage("org.qtrust.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "com.fasterxml..", "com.google.inject..")
            .because("core depends on the JDK only");

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("failures carry a specific type and reason");

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("logs go through SLF4J");
}
