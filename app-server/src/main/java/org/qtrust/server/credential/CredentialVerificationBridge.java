package org.qtrust.server.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The one place where the credential verification of core ({@code org.qtrust.core.credential},
 * issue 4) meets the server. Until it is merged this answers "not available" and the API
 * replies 501 {@code {"code": "not_available"}}. To plug it in, change only this class: build
 * the core use case from the question (its snapshot, lists judged at the validation time and
 * policy) and return the {@code credential verify} document, the same one the CLI prints.
 */
public final class CredentialVerificationBridge implements CredentialVerification {

    @Override
    public Optional<ObjectNode> verify(CredentialQuestion question) {
        return Optional.empty();
    }
}
