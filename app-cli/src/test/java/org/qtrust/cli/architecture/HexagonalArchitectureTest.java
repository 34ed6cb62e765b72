package org.qtrust.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The hexagon, checked over every module the CLI assembles: core is pure, adapters depend on
 * core only (never on each other or on apps), and only apps and each adapter's own Guice
 * module know Guice.
 */
@AnalyzeClasses(packages = "org.qtrust", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    private static final String[] ADAPTERS = {
        "org.qtrust.adapters.xml..", "org.qtrust.adapters.crypto..", "org.qtrust.adapters.http..", "org.qtrust.adapters.ocsp..",
        "org.qtrust.adapters.redis.."
    };

    @ArchTest
    static final ArchRule core_knows_no_library_adapter_or_app = noClasses()
            .that().resideInAPackage("org.qtrust.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.qtrust.adapters..", "org.qtrust.cli..", "org.qtrust.server..",
                    "com.google.inject..", "com.fasterxml..", "org.bouncycastle..", "org.jose4j..", "org.apache.hc..",
                    "picocli..", "org.slf4j..", "redis.clients..")
            .because("core is the pure domain behind its ports");

    @ArchTest
    static final ArchRule xml_adapter_is_independent_of_other_adapters = independent("org.qtrust.adapters.xml..");

    @ArchTest
    static final ArchRule crypto_adapter_is_independent_of_other_adapters = independent("org.qtrust.adapters.crypto..");

    @ArchTest
    static final ArchRule http_adapter_is_independent_of_other_adapters = independent("org.qtrust.adapters.http..");

    @ArchTest
    static final ArchRule ocsp_adapter_is_independent_of_other_adapters = independent("org.qtrust.adapters.ocsp..");

    @ArchTest
    static final ArchRule redis_adapter_is_independent_of_other_adapters = independent("org.qtrust.adapters.redis..");

    @ArchTest
    static final ArchRule adapters_never_depend_on_apps = noClasses()
            .that().resideInAnyPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage("org.qtrust.cli..", "org.qtrust.server..")
            .because("apps assemble adapters, not the other way round");

    @ArchTest
    static final ArchRule guice_only_in_apps_and_adapter_guice_modules = noClasses()
            .that().resideInAPackage("org.qtrust..")
            .and().resideOutsideOfPackages("org.qtrust.cli..", "org.qtrust.server..", "org.qtrust.adapters.*.guice..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
            .because("wiring is the apps' job; each adapter offers one Guice module in its guice package");

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("logs go through SLF4J");

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("failures carry a specific type and reason");

    private static ArchRule independent(String adapter) {
        return noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(otherAdapters(adapter))
                .because("users embed any subset of adapters, so each stands alone");
    }

    private static String[] otherAdapters(String adapter) {
        return java.util.Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter)).toArray(String[]::new);
    }
}
