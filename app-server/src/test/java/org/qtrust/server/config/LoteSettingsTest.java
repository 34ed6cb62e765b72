package org.qtrust.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.server.RunningServer;
import org.qtrust.server.wiring.ServerAssembly;

/**
 * {@code --lote FILE|URL} (repeatable) and {@code --lote-anchor FILE|DIR} (repeatable), with the
 * names and meaning of {@code qtrust lists load} / {@code credential verify}; like every setting,
 * also {@code QTRUST_LOTE}, {@code QTRUST_LOTE_ANCHOR} and the keys {@code lote}, {@code lote-anchor}
 * (comma-separated there). A server with lists and no signer does not start (fail closed).
 */
class LoteSettingsTest {

    private static final String SNAPSHOT = RunningServer.data("lotl-snapshot").toString();

    @TempDir
    Path folder;

    private Path list;
    private Path otherList;
    private Path anchor;

    @BeforeEach
    void files() throws IOException {
        list = Files.writeString(folder.resolve("pid.jws"), "eyJ.x.y");
        otherList = Files.writeString(folder.resolve("pid.xml"), "<ListOfTrustedEntities/>");
        anchor = Files.writeString(folder.resolve("operator.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
    }

    private static List<String> base(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--offline", SNAPSHOT, "--oj-certs", "/oj"));
        arguments.addAll(List.of(more));
        return arguments;
    }

    private static ServerSettings resolve(List<String> arguments, Map<String, String> environment) {
        return SettingsResolver.of(arguments, environment).resolve();
    }

    @Test
    void without_lote_settings_no_list_of_trusted_entities_is_loaded() {
        assertThat(resolve(base(), Map.of()).lotes()).isEqualTo(ServerSettings.LoteSources.NONE);
    }

    @Test
    void repeated_lote_flags_keep_their_order_with_files_and_urls() {
        ServerSettings settings = resolve(base("--lote", list.toString(), "--lote", "https://lists.test/pid.xml",
                "--lote=" + otherList, "--lote-anchor", anchor.toString(), "--lote-anchor", folder.toString()), Map.of());

        assertThat(settings.lotes().locations()).containsExactly(list.toString(), "https://lists.test/pid.xml", otherList.toString());
        assertThat(settings.lotes().anchors()).containsExactly(anchor, folder);
    }

    @Test
    void the_environment_and_the_config_file_give_them_comma_separated_and_a_flag_wins() throws IOException {
        Path file = Files.writeString(folder.resolve("server.properties"),
                "lote=" + list + "," + otherList + "\nlote-anchor=" + anchor + "\n");
        Map<String, String> environment = Map.of("QTRUST_LOTE", otherList.toString(), "QTRUST_LOTE_ANCHOR", folder.toString());

        ServerSettings fromFile = resolve(base("--config", file.toString()), Map.of());
        ServerSettings fromEnvironment = resolve(base("--config", file.toString()), environment);
        ServerSettings fromFlag = resolve(base("--config", file.toString(), "--lote", list.toString()), environment);

        assertThat(fromFile.lotes().locations()).containsExactly(list.toString(), otherList.toString());
        assertThat(fromFile.lotes().anchors()).containsExactly(anchor);
        assertThat(fromEnvironment.lotes().locations()).containsExactly(otherList.toString());
        assertThat(fromEnvironment.lotes().anchors()).containsExactly(folder);
        assertThat(fromFlag.lotes().locations()).containsExactly(list.toString());
    }

    @Test
    void lists_without_a_signer_certificate_are_refused_fail_closed() {
        assertThatThrownBy(() -> resolve(base("--lote", list.toString()), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--lote-anchor FILE");
    }

    @Test
    void unusable_lote_settings_are_refused_with_a_message_that_says_what_to_change() {
        assertThatThrownBy(() -> resolve(base("--lote", folder.resolve("absent.jws").toString(), "--lote-anchor", anchor.toString()),
                Map.of())).isInstanceOf(ConfigurationException.class).hasMessageContaining("absent.jws: no such file");
        assertThatThrownBy(() -> resolve(base("--lote", "ftp://lists.test/pid.jws", "--lote-anchor", anchor.toString()), Map.of()))
                .hasMessageContaining("only http and https");
        assertThatThrownBy(() -> resolve(base("--lote", list.toString(), "--lote-anchor", folder.resolve("none.pem").toString()),
                Map.of())).hasMessageContaining("--lote-anchor").hasMessageContaining("no such file or folder");
        assertThatThrownBy(() -> resolve(base("--lote-anchor", anchor.toString()), Map.of()))
                .hasMessageContaining("no --lote list");
    }

    @Test
    void a_list_url_carrying_credentials_is_refused_without_repeating_them() {
        assertThatThrownBy(() -> resolve(base("--lote", "https://reader:s3cret@lists.test/pid.jws", "--lote-anchor", anchor.toString()),
                Map.of())).isInstanceOf(ConfigurationException.class).hasMessageContaining("user information")
                .message().doesNotContain("s3cret");
    }

    @Test
    void a_signer_file_that_holds_no_certificate_stops_the_server_before_it_listens() {
        ServerSettings settings = RunningServer.settings(List.of("--lote", list.toString(), "--lote-anchor", anchor.toString()));

        assertThatThrownBy(() -> ServerAssembly.assemble(settings, Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("--lote-anchor: ")
                .hasMessageContaining("operator.pem");
    }
}
