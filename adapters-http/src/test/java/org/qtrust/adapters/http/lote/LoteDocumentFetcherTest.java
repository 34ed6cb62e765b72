package org.qtrust.adapters.http.lote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;
import org.qtrust.core.trustedlist.DocumentLookup;

class LoteDocumentFetcherTest {

    @TempDir
    Path folder;

    private final List<HttpExchange.Request> sent = new ArrayList<>();

    private HttpTransport answering(int status, String body) {
        return request -> {
            sent.add(request);
            return new HttpExchange.Response(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), request.url());
        };
    }

    private static final HttpTransport NEVER = request -> {
        throw new AssertionError("a file must not go to the network");
    };

    @Test
    void a_file_is_read_and_keeps_its_path_as_location() throws IOException {
        Path list = Files.writeString(folder.resolve("pid.jws"), "eyJ.x.y");

        DocumentLookup lookup = new LoteDocumentFetcher(NEVER).find(list.toString());

        assertThat(lookup).isInstanceOfSatisfying(DocumentLookup.Found.class, found -> {
            assertThat(found.document().location()).isEqualTo(list.toString());
            assertThat(new String(found.document().content(), StandardCharsets.UTF_8)).isEqualTo("eyJ.x.y");
        });
    }

    @Test
    void a_missing_file_is_unavailable_with_its_name() {
        DocumentLookup lookup = new LoteDocumentFetcher(NEVER).find(folder.resolve("absent.json").toString());

        assertThat(lookup).isInstanceOfSatisfying(DocumentLookup.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("absent.json", "no such file"));
    }

    @Test
    void a_url_is_fetched_through_the_transport_with_the_size_limit() {
        DocumentLookup lookup = new LoteDocumentFetcher(answering(200, "<ListOfTrustedEntities/>"))
                .find("https://lists.test/pid-providers.xml");

        assertThat(lookup).isInstanceOf(DocumentLookup.Found.class);
        assertThat(sent).singleElement().satisfies(request -> {
            assertThat(request.url()).isEqualTo("https://lists.test/pid-providers.xml");
            assertThat(request.maxBodyBytes()).isEqualTo(LoteDocumentFetcher.MAX_LIST_BYTES);
        });
    }

    @Test
    void a_url_carrying_credentials_is_never_fetched() {
        DocumentLookup lookup = new LoteDocumentFetcher(NEVER).find("https://reader:s3cret@lists.test/pid.jws");

        assertThat(LoteDocumentFetcher.carriesCredentials("https://reader:s3cret@lists.test/pid.jws")).isTrue();
        assertThat(LoteDocumentFetcher.carriesCredentials("https://lists.test/pid.jws?from=a@b")).isFalse();
        assertThat(LoteDocumentFetcher.carriesCredentials("/lists/with@sign.jws")).as("a file").isFalse();
        assertThat(lookup).isInstanceOfSatisfying(DocumentLookup.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("user information").doesNotContain("s3cret"));
    }

    @Test
    void an_http_error_or_a_failed_exchange_is_unavailable() {
        HttpTransport refused = request -> {
            throw new TransportException(TransportException.Reason.CONNECTION_FAILED, "connection refused");
        };

        assertThat(new LoteDocumentFetcher(answering(404, "")).find("http://lists.test/gone.json"))
                .isInstanceOfSatisfying(DocumentLookup.Unavailable.class, u -> assertThat(u.reason()).contains("HTTP 404"));
        assertThat(new LoteDocumentFetcher(refused).find("http://lists.test/pid.json"))
                .isInstanceOfSatisfying(DocumentLookup.Unavailable.class, u -> assertThat(u.reason()).contains("connection refused"));
    }
}
