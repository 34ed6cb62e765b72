package org.qtrust.server.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Answers {@code POST /v1/credentials/verify} with the {@code credential verify} document. */
public interface CredentialVerification {

    /** The {@code credential verify} document, or empty when this build cannot verify credentials (answered 501). */
    Optional<ObjectNode> verify(CredentialQuestion question);

    /** The {@code credential verify} document of an mdoc, or empty when this build cannot verify mdocs (answered 501). */
    default Optional<ObjectNode> verifyMdoc(MdocQuestion question) {
        return Optional.empty();
    }

    /**
     * The Document Signer's x5chain of an mdoc presentation (leaf first), read only to choose the
     * list an on-miss refresh asks for (issue 19.1); empty when none can be read or mdocs are not built in.
     */
    default Optional<java.util.List<byte[]>> mdocIssuerChain(byte[] presentation) {
        return Optional.empty();
    }
}
