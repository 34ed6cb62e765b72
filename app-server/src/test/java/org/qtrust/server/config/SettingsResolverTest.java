package org.qtrust.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.server.RunningServer;

/** Flags win over the environment, the environment over the config file, the file over defaults. */
class SettingsResolverTest {

    @TempDir
    Path folder;

    private static final String SNAPSHOT = RunningServer.data("lotl-snapshot").toString();

    private static List<String> base(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--offline", SNAPSHOT, "--oj-certs", "/oj"));
        arguments.addAll(List.of(more));
        return arguments;
    }

    private Path config(String text) throws IOException {
        Path file = folder.resolve("qtrust.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void defaults_listen_on_loopback_8080_with_the_eu_eidas_policy() {
        ServerSettings settings = SettingsResolver.of(base(), Map.of()).resolve();

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.policies()).containsExactly("eu-eidas");
        assertThat(settings.lists()).isEqualTo(new ServerSettings.Offline(Path.of(SNAPSHOT)));
        assertThat(settings.refreshInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.maxBodyBytes()).isEqualTo(256 * 1024);
    }

    @Test
    void a_flag_wins_over_the_environment_which_wins_over_the_file() throws IOException {
        Path file = config("port=7000\nhost=0.0.0.0\nexpiry-grace=P1D\n");
        Map<String, String> environment = Map.of("QTRUST_PORT", "7001", "QTRUST_HOST", "10.0.0.1", "QTRUST_CONFIG", file.toString());

        ServerSettings fromEnvironment = SettingsResolver.of(base(), environment).resolve();
        ServerSettings fromFlag = SettingsResolver.of(base("--port=7002"), environment).resolve();

        assertThat(fromEnvironment.port()).isEqualTo(7001);
        assertThat(fromEnvironment.host()).isEqualTo("10.0.0.1");
        assertThat(fromEnvironment.expiryGrace()).isEqualTo(Duration.ofDays(1));
        assertThat(fromFlag.port()).isEqualTo(7002);
    }

    @Test
    void the_config_file_can_say_everything_including_where_the_lists_are() throws IOException {
        Path file = config("offline=" + SNAPSHOT + "\noj-keystore=/ks.p12\noj-password=secret\npolicy=eu-eidas\n");

        ServerSettings settings = SettingsResolver.of(List.of("--config", file.toString()), Map.of()).resolve();

        assertThat(settings.officialJournal().keystore()).hasValue(Path.of("/ks.p12"));
        assertThat(settings.officialJournal().password()).hasValue("secret");
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void repeated_policy_flags_add_up_and_the_first_is_the_default() {
        ServerSettings settings = SettingsResolver.of(base("--policy", "eu-eidas", "--policy", "b.json,c.json"), Map.of()).resolve();

        assertThat(settings.policies()).containsExactly("eu-eidas", "b.json", "c.json");
    }

    @Test
    void a_cache_folder_is_refreshed_every_twelve_hours_by_default() {
        ServerSettings settings = SettingsResolver.of(List.of("--cache", folder.toString(), "--oj-certs", "/oj"), Map.of()).resolve();

        assertThat(settings.lists()).isInstanceOf(ServerSettings.Cache.class);
        assertThat(settings.refreshInterval()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void a_shared_store_is_read_from_flags_or_environment_and_never_shows_its_password() {
        ServerSettings settings = SettingsResolver.of(List.of("--oj-certs", "/oj"), Map.of("QTRUST_STORE",
                "redis://:s3cret@10.1.2.3:6380/2", "QTRUST_STORE_PREFIX", "prod:", "QTRUST_STORE_POLL", "PT5S")).resolve();
        assertThat(settings.lists()).isInstanceOfSatisfying(ServerSettings.Store.class, store -> {
            assertThat(store.config().display()).isEqualTo("redis://10.1.2.3:6380/2");
            assertThat(store.config().prefix()).isEqualTo("prod:");
            assertThat(store.poll()).isEqualTo(java.time.Duration.ofSeconds(5));
            assertThat(store.describe()).doesNotContain("s3cret");
        });
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void unusable_configuration_is_refused_with_a_message_that_says_what_to_change() throws IOException {
        assertThatThrownBy(() -> SettingsResolver.of(List.of("--oj-certs", "/oj"), Map.of()).resolve())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--offline DIR");
        assertThatThrownBy(() -> SettingsResolver.of(base("--cache", "/c"), Map.of()).resolve())
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> SettingsResolver.of(List.of("--cache", "/c", "--store", "redis://127.0.0.1:6379",
                "--oj-certs", "/oj"), Map.of()).resolve()).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> SettingsResolver.of(base("--store-prefix", "p:"), Map.of()).resolve())
                .hasMessageContaining("go with --store");
        assertThatThrownBy(() -> SettingsResolver.of(List.of("--store", "http://:hunter2@127.0.0.1:6379", "--oj-certs", "/oj"),
                Map.of()).resolve()).hasMessageContaining("--store").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> SettingsResolver.of(List.of("--store", "redis://127.0.0.1:6379", "--store-lease", "PT1S",
                "--oj-certs", "/oj"), Map.of()).resolve()).hasMessageContaining("--store-lease");
        assertThatThrownBy(() -> SettingsResolver.of(List.of("--offline", SNAPSHOT), Map.of()).resolve())
                .hasMessageContaining("--oj-keystore");
        assertThatThrownBy(() -> SettingsResolver.of(base("--prot", "1"), Map.of())).hasMessageContaining("unknown option --prot");
        assertThatThrownBy(() -> SettingsResolver.of(base("--port"), Map.of())).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SettingsResolver.of(base("--port", "eighty"), Map.of()).resolve()).hasMessageContaining("whole number");
        assertThatThrownBy(() -> SettingsResolver.of(base("--port", "70000"), Map.of()).resolve()).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> SettingsResolver.of(base("--expiry-grace", "7 days"), Map.of()).resolve()).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> SettingsResolver.of(base("--refresh-interval", "PT1S"), Map.of()).resolve()).hasMessageContaining("at least PT1M");
        assertThatThrownBy(() -> SettingsResolver.of(base("--offline", folder.toString()), Map.of()).resolve()).hasMessageContaining("no EU.xml");
        Path unknownKey = config("prot=1\n");
        assertThatThrownBy(() -> SettingsResolver.of(base("--config", unknownKey.toString()), Map.of())).hasMessageContaining("unknown key 'prot'");
        assertThatThrownBy(() -> SettingsResolver.of(base("--config", folder.resolve("none").toString()), Map.of())).hasMessageContaining("cannot be read");
    }

    @Test
    void revocation_is_left_to_each_policy_unless_set() {
        assertThat(SettingsResolver.of(base(), Map.of()).resolve().revocation()).isEmpty();
    }

    @Test
    void the_revocation_setting_comes_from_flag_environment_or_file() throws IOException {
        assertThat(SettingsResolver.of(base("--revocation", "require"), Map.of()).resolve().revocation())
                .contains(RevocationMode.REQUIRE);
        assertThat(SettingsResolver.of(base(), Map.of("QTRUST_REVOCATION", "off")).resolve().revocation())
                .contains(RevocationMode.OFF);
        Path file = config("revocation=prefer\n");
        assertThat(SettingsResolver.of(base("--config", file.toString()), Map.of()).resolve().revocation())
                .contains(RevocationMode.PREFER);
    }

    @Test
    void an_unknown_revocation_mode_is_a_configuration_error_naming_the_choices() {
        assertThatThrownBy(() -> SettingsResolver.of(base("--revocation", "maybe"), Map.of()).resolve())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("--revocation").hasMessageContaining("require, prefer or off");
    }

    @Test
    void rewrites_repeat_as_flags_and_are_comma_separated_in_the_environment() {
        ServerSettings fromFlags = SettingsResolver.of(base("--rewrite", "http://a.example/=http://127.0.0.1:1/a/",
                "--rewrite", "http://b.example/=http://127.0.0.1:1/b/"), Map.of()).resolve();
        ServerSettings fromEnvironment = SettingsResolver.of(base(), Map.of("QTRUST_REWRITE",
                "http://a.example/=http://127.0.0.1:1/a/, http://b.example/=http://127.0.0.1:1/b/")).resolve();

        assertThat(fromFlags.transport().rewrites().apply("http://b.example/x.crl")).isEqualTo("http://127.0.0.1:1/b/x.crl");
        assertThat(fromEnvironment.transport().rewrites().rules()).isEqualTo(fromFlags.transport().rewrites().rules());
    }

    @Test
    void a_rewrite_without_an_http_target_is_a_configuration_error() {
        assertThatThrownBy(() -> SettingsResolver.of(base("--rewrite", "http://a.example/"), Map.of()).resolve())
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("--rewrite");
    }

    @Test
    void the_timeout_bounds_reading_and_a_third_of_it_connecting() {
        ServerSettings settings = SettingsResolver.of(base("--timeout", "PT3S"), Map.of()).resolve();

        assertThat(settings.transport().readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.transport().connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> SettingsResolver.of(base("--timeout", "PT0S"), Map.of()).resolve())
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void request_overrides_are_off_unless_the_operator_allows_them() throws IOException {
        assertThat(SettingsResolver.of(base(), Map.of()).resolve().ceilings().allowRequestOverrides()).isFalse();
        assertThat(SettingsResolver.of(base("--allow-request-overrides", "--port", "7003"), Map.of()).resolve().ceilings()
                .allowRequestOverrides()).isTrue();
        assertThat(SettingsResolver.of(base(), Map.of("QTRUST_ALLOW_REQUEST_OVERRIDES", "true")).resolve().ceilings()
                .allowRequestOverrides()).isTrue();
        assertThat(SettingsResolver.of(base(), Map.of("QTRUST_CONFIG", config("allow-request-overrides=false\n").toString()))
                .resolve().ceilings().allowRequestOverrides()).isFalse();
        assertThatThrownBy(() -> SettingsResolver.of(base("--allow-request-overrides=maybe"), Map.of()).resolve())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("neither true nor false");
    }

    @Test
    void mirrors_come_from_repeated_flags_the_environment_or_the_file_and_only_over_https() throws IOException {
        ServerSettings fromFlags = SettingsResolver.of(cached("--lotl-mirror", "https://m1.example/qtrust",
                "--lotl-mirror", "https://m2.example/qtrust/"), Map.of()).resolve();
        ServerSettings fromEnvironment = SettingsResolver.of(cached(), Map.of("QTRUST_LOTL_MIRROR",
                "https://m1.example/qtrust, https://m2.example/qtrust/")).resolve();
        ServerSettings fromFile = SettingsResolver.of(cached(), Map.of("QTRUST_CONFIG",
                config("lotl-mirror=https://m1.example/qtrust,https://m2.example/qtrust/\n").toString())).resolve();

        assertThat(fromFlags.mirrors().bases()).containsExactly("https://m1.example/qtrust/", "https://m2.example/qtrust/");
        assertThat(fromEnvironment.mirrors().bases()).isEqualTo(fromFlags.mirrors().bases());
        assertThat(fromFile.mirrors().bases()).isEqualTo(fromFlags.mirrors().bases());
        assertThat(SettingsResolver.of(cached(), Map.of()).resolve().mirrors().isEmpty()).isTrue();
        assertThatThrownBy(() -> SettingsResolver.of(cached("--lotl-mirror", "http://mirror.example/"), Map.of()).resolve())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> SettingsResolver.of(cached("--lotl-mirror", "http://127.0.0.1:8000/"), Map.of()).resolve())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--allow-loopback-http");
        assertThat(SettingsResolver.of(cached("--lotl-mirror", "http://127.0.0.1:8000/", "--allow-loopback-http"), Map.of())
                .resolve().mirrors().bases()).containsExactly("http://127.0.0.1:8000/");
        assertThatThrownBy(() -> SettingsResolver.of(base("--lotl-mirror", "https://m1.example/"), Map.of()).resolve())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--offline");
        assertThatThrownBy(() -> SettingsResolver.of(cached("--lotl-mirror", "https://u:secret@mirror.example/"), Map.of()).resolve())
                .isInstanceOf(ConfigurationException.class).hasMessageNotContaining("secret");
    }

    private List<String> cached(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--cache", folder.resolve("cache").toString(), "--oj-certs", "/oj"));
        arguments.addAll(List.of(more));
        return arguments;
    }
}
