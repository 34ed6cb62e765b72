package org.qtrust.server.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Answers {@code POST /v1/credentials/verify} with the {@code credential verify} document. */
public interface CredentialVerification {

    /** The {@code credential verify} document, or empty when this build cannot verify credentials (answered 501). */
    Optional<ObjectNode> verify(CredentialQuestion question);
}
