package org.qtrust.core.policy.port;

import java.nio.file.Path;
import org.qtrust.core.policy.VerificationPolicy;

/** Outgoing port: reads a policy document (e.g. JSON) into a {@link VerificationPolicy}. */
public interface VerificationPolicyReader {

    /**
     * @param document the policy file; files it names (plain anchors) are resolved against its folder
     * @throws PolicyFormatException when the document or a file it names cannot be used
     */
    VerificationPolicy read(Path document) throws PolicyFormatException;
}
