package org.qtrust.adapters.http.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListLocation;

class DirectoryListSourceTest {

    @TempDir
    Path folder;

    @Test
    void the_lotl_is_EU_xml_and_a_national_list_is_named_by_its_pointers_territory() throws IOException {
        Files.writeString(folder.resolve("EU.xml"), "<lotl/>");
        Files.writeString(folder.resolve("EL.xml"), "<greece/>");
        DirectoryListSource source = new DirectoryListSource(folder);

        DocumentLookup lotl = source.find(ListLocation.listOfLists("https://ec.europa.eu/tools/lotl/eu-lotl.xml"));
        DocumentLookup greece = source.find(new ListLocation("https://www.eett.gr/tsl/EL-TSL.xml",
                ListLocation.Role.TERRITORY_LIST, "EL"));

        assertThat(lotl).isInstanceOfSatisfying(DocumentLookup.Found.class,
                found -> assertThat(new String(found.document().content())).isEqualTo("<lotl/>"));
        assertThat(greece).isInstanceOfSatisfying(DocumentLookup.Found.class,
                found -> assertThat(new String(found.document().content())).isEqualTo("<greece/>"));
    }

    @Test
    void a_pivot_is_found_by_the_last_path_segment_of_its_url() throws IOException {
        Files.writeString(folder.resolve("eu-lotl-pivot-300.xml"), "<pivot/>");

        DocumentLookup pivot = new DirectoryListSource(folder).find(new ListLocation(
                "https://ec.europa.eu/tools/lotl/eu-lotl-pivot-300.xml", ListLocation.Role.PIVOT, "EU"));

        assertThat(pivot).isInstanceOf(DocumentLookup.Found.class);
    }

    @Test
    void a_missing_file_is_unavailable_not_an_error() {
        DocumentLookup lookup = new DirectoryListSource(folder).find(new ListLocation(
                "https://example.org/DE.xml", ListLocation.Role.TERRITORY_LIST, "DE"));

        assertThat(lookup).isInstanceOfSatisfying(DocumentLookup.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("DE.xml"));
    }

    @Test
    void a_name_from_a_list_cannot_escape_the_folder() {
        DocumentLookup lookup = new DirectoryListSource(folder).find(new ListLocation(
                "https://example.org/x", ListLocation.Role.TERRITORY_LIST, "../../etc/passwd"));

        assertThat(lookup).isInstanceOfSatisfying(DocumentLookup.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("not a safe file name"));
    }

    @Test
    void a_document_over_the_size_limit_is_refused() throws IOException {
        Files.write(folder.resolve("EU.xml"), new byte[2048]);

        DocumentLookup lookup = new DirectoryListSource(folder, 1024).find(ListLocation.listOfLists("https://x/eu.xml"));

        assertThat(lookup).isInstanceOfSatisfying(DocumentLookup.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("larger than 1024"));
    }
}
