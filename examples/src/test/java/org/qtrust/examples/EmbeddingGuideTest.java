package org.qtrust.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 16.1: docs/embedding.md shows exactly the examples' code. Every {@code java} block of the
 * guide is a whole source file of this module, byte for byte, in order; every example is shown;
 * the coordinates block and the footprint table name every library module of the build.
 */
class EmbeddingGuideTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path GUIDE = ROOT.resolve("docs/embedding.md");
    private static final Path SOURCES = Path.of("src/main/java/org/qtrust/examples");
    private static final List<String> EXAMPLES = List.of("OfflineDecision.java", "GuiceDecision.java", "CredentialVerification.java");

    private static String guide() throws IOException {
        return Files.readString(GUIDE, StandardCharsets.UTF_8);
    }

    /** The contents of the guide's fenced blocks of that language. */
    static List<String> blocks(String guide, String language) {
        Matcher block = Pattern.compile("(?ms)^```" + language + "\\n(.*?)^```$").matcher(guide);
        List<String> found = new ArrayList<>();
        while (block.find()) {
            found.add(block.group(1));
        }
        return found;
    }

    /** The library modules of the build: every module of the parent pom but the applications and these examples. */
    private static List<String> libraryModules() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            String name = module.group(1);
            if (!name.startsWith("app-") && !name.equals("examples")) {
                modules.add(name);
            }
        }
        return modules;
    }

    @Test
    void every_java_block_of_the_guide_is_an_example_file_exactly() throws IOException {
        List<String> shown = blocks(guide(), "java");

        assertThat(shown).hasSize(EXAMPLES.size());
        for (int i = 0; i < EXAMPLES.size(); i++) {
            String source = Files.readString(SOURCES.resolve(EXAMPLES.get(i)), StandardCharsets.UTF_8);
            assertThat(shown.get(i)).as("docs/embedding.md block %d must be %s exactly", i + 1, EXAMPLES.get(i)).isEqualTo(source);
        }
    }

    @Test
    void a_changed_line_in_the_guide_is_caught() throws IOException {
        String source = Files.readString(SOURCES.resolve(EXAMPLES.get(0)), StandardCharsets.UTF_8);
        String edited = "```java\n" + source.replace("RevocationMode.OFF", "RevocationMode.PREFER") + "```\n";

        assertThat(source).contains("RevocationMode.OFF");
        assertThat(blocks(edited, "java")).singleElement().isNotEqualTo(source);
    }

    @Test
    void the_coordinates_are_one_xml_block_naming_every_library_module_of_the_build() throws IOException {
        List<String> xml = blocks(guide(), "xml");
        String parent = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);

        assertThat(xml).hasSize(1);
        String coordinates = xml.get(0);
        assertThat(libraryModules()).contains("core", "adapters-xml", "adapters-crypto", "adapters-http", "adapters-ocsp");
        for (String module : libraryModules()) {
            assertThat(coordinates).contains("<artifactId>qtrust-" + module + "</artifactId>");
        }
        assertThat(coordinates).contains("<groupId>org.qtrust</groupId>").contains("<version>" + version(parent) + "</version>");
    }

    @Test
    void the_consumer_outside_the_reactor_uses_the_coordinates_the_guide_gives() throws IOException {
        String coordinates = blocks(guide(), "xml").get(0).replaceAll("\\s+", "");
        String consumer = Files.readString(Path.of("consumer/pom.xml"), StandardCharsets.UTF_8);
        Matcher dependency = Pattern.compile("(?s)<dependency>\\s*(<groupId>.*?</version>)").matcher(consumer);
        int found = 0;
        while (dependency.find()) {
            assertThat(coordinates).contains("<dependency>" + dependency.group(1).replaceAll("\\s+", "") + "</dependency>");
            found++;
        }
        assertThat(found).isEqualTo(3);
        assertThat(consumer).doesNotContain("<parent>").contains("<artifactId>guice</artifactId>");
    }

    @Test
    void the_footprint_table_has_measured_figures_for_every_library_module() throws IOException {
        String guide = guide();

        assertThat(guide).doesNotContain("FOOTPRINT");
        for (String module : libraryModules()) {
            assertThat(guide).containsPattern("(?m)^\\| `qtrust-" + module + "` \\| [0-9][0-9,.]* KB \\| ");
        }
    }

    private static String version(String pom) {
        Matcher version = Pattern.compile("<artifactId>qtrust-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).isTrue();
        return version.group(1);
    }
}
