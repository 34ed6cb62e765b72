package org.qtrust.cli.lists;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestListSigner;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.TrustedListLoader;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.port.ListDocumentSource;

/**
 * Signed list documents in memory, loaded through the real trust pipeline: the TS 119 612 reader,
 * the XAdES verifier and the loader, from an Official Journal certificate of the test's own.
 */
final class SignedListWorld implements ListDocumentSource {

    static final String LOTL_URL = "https://lists.test/eu-lotl.xml";

    private final Map<String, byte[]> documents = new HashMap<>();

    /** Puts a document under the last path segment of its location (EU.xml for the LOTL). */
    SignedListWorld put(String fileName, String signedXml) {
        documents.put(fileName, signedXml.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    SignedListWorld putSigned(String fileName, String xml, Credential signer) {
        return put(fileName, TestListSigner.with(signer).sign(xml));
    }

    @Override
    public DocumentLookup find(ListLocation location) {
        String name = location.role() == ListLocation.Role.LIST_OF_LISTS ? "EU.xml" : location.fileName();
        byte[] content = documents.get(name);
        if (content == null) {
            return new DocumentLookup.Unavailable("no " + name);
        }
        return new DocumentLookup.Found(new ListDocument(name, content));
    }

    TrustedListsReport load(Credential officialJournal, Instant at) {
        Executor direct = Runnable::run;
        TrustedListLoader loader = new TrustedListLoader(this, new Ts119612ListReader(), new XadesListSignatureVerifier(), direct);
        return loader.load(new LoadRequest(ListLocation.listOfLists(LOTL_URL), List.of(officialJournal.serviceCertificate()),
                Optional.empty(), at, ListAcceptancePolicy.STRICT));
    }
}
