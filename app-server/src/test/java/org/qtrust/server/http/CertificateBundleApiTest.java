package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.qtrust.server.RawHttp;
import org.qtrust.server.RunningServer;
import org.qtrust.server.SandboxServer;

/**
 * Issue 15 item 6 over the sandbox: PEM bundles (every certificate after the first joins
 * {@code chain}), verdicts that say when the lists are the problem ({@code list_not_trusted},
 * {@code lists_not_trusted}), and lists that are not current now with the last time they were.
 */
class CertificateBundleApiTest {

    private final SandboxServer server = SandboxServer.get();

    private static ObjectNode question(String certificate, String at) {
        return RunningServer.JSON.createObjectNode().put("certificate", certificate).put("at", at);
    }

    private JsonNode verdict(ObjectNode question) {
        RawHttp.Response response = server.verify(question.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return SandboxServer.json(response.body());
    }

    private static String firstBlock(String bundle) {
        String end = "-----END CERTIFICATE-----";
        return bundle.substring(0, bundle.indexOf(end) + end.length()) + "\n";
    }

    private static String afterFirstBlock(String bundle) {
        String end = "-----END CERTIFICATE-----";
        return bundle.substring(bundle.indexOf(end) + end.length()).trim();
    }

    private static java.util.List<String> trace(JsonNode verdict) {
        return StreamSupport.stream(verdict.get("trace").spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void every_certificate_after_the_first_in_a_pem_bundle_joins_the_chain() {
        String bundle = server.certificate("qualified-esig.pem");
        assertThat(afterFirstBlock(bundle)).as("the sandbox offers the leaf with its issuing CA").contains("BEGIN CERTIFICATE");

        JsonNode whole = verdict(question(bundle, SandboxServer.AT));
        JsonNode leafOnly = verdict(question(firstBlock(bundle), SandboxServer.AT));
        JsonNode leafAndChain = verdict((ObjectNode) question(firstBlock(bundle), SandboxServer.AT)
                .set("chain", RunningServer.JSON.createArrayNode().add(afterFirstBlock(bundle))));

        assertThat(whole.get("code").asText()).as(whole.toString()).isEqualTo("ok");
        assertThat(leafOnly.get("code").asText()).as("the issuing CA is not listed: without it no path").isEqualTo("issuer_not_trusted");
        assertThat(leafAndChain.get("code").asText()).isEqualTo("ok");
    }

    @Test
    void a_bundle_longer_than_the_chain_limit_is_a_400() {
        String leaf = firstBlock(server.certificate("qualified-esig.pem"));
        RawHttp.Response response = server.verify(question(leaf.repeat(18), SandboxServer.AT).toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_field");
    }

    @Test
    void a_certificate_on_a_list_that_is_not_accepted_is_list_not_trusted_with_the_lists_reason() {
        JsonNode verdict = verdict(question(server.certificate("untrusted-list.pem"), SandboxServer.AT));

        assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo("list_not_trusted");
        assertThat(trace(verdict)).anyMatch(line -> line.startsWith("list: the ") && line.contains("is not accepted at the validation time ("));
    }

    @Test
    void when_no_lotl_is_accepted_at_the_time_the_verdict_is_lists_not_trusted_and_says_why() {
        JsonNode verdict = verdict(question(server.certificate("qualified-esig.pem"), SandboxServer.NOW.toString()));

        assertThat(verdict.get("trusted").asBoolean()).isFalse();
        assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo("lists_not_trusted");
        assertThat(trace(verdict)).anyMatch(line -> line.startsWith("lists: the LOTL (") && line.contains("is not accepted at "
                + SandboxServer.NOW));
    }

    @Test
    void the_lists_say_they_are_not_current_now_and_the_last_time_they_were_gives_trusted_answers() {
        JsonNode lists = SandboxServer.json(server.get("/v1/trusted-lists").body());

        assertThat(lists.get("currentNow").asBoolean()).isFalse();
        String lastCurrent = lists.get("lastCurrent").asText();
        assertThat(java.time.Instant.parse(lastCurrent)).isBefore(SandboxServer.NOW).isAfter(java.time.Instant.parse(SandboxServer.AT));
        JsonNode atLastCurrent = SandboxServer.json(server.get("/v1/trusted-lists?at=" + lastCurrent).body());
        assertThat(atLastCurrent.get("lotl").get("accepted").asBoolean()).isTrue();
        assertThat(atLastCurrent.get("lists")).allSatisfy(list -> assertThat(list.get("reason").asText()).isNotEqualTo("lotl_not_trusted"));
        long acceptedThen = StreamSupport.stream(atLastCurrent.get("lists").spliterator(), false).filter(l -> l.get("accepted").asBoolean()).count();
        JsonNode oneSecondLater = SandboxServer.json(server.get("/v1/trusted-lists?at="
                + java.time.Instant.parse(lastCurrent).plusSeconds(1)).body());
        long acceptedAfter = StreamSupport.stream(oneSecondLater.get("lists").spliterator(), false).filter(l -> l.get("accepted").asBoolean()).count();
        assertThat(acceptedThen).as("the last moment, not any moment").isPositive().isGreaterThan(acceptedAfter);
    }

    @Test
    void lists_current_now_say_so() {
        JsonNode lists = RunningServer.json(RunningServer.get().get("/v1/trusted-lists"));

        assertThat(lists.get("currentNow").asBoolean()).isTrue();
        assertThat(lists.get("lastCurrent").isTextual()).isTrue();
    }

}
