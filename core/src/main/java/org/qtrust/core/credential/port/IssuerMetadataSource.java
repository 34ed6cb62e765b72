package org.qtrust.core.credential.port;

import org.qtrust.core.credential.metadata.MetadataLookup;

/**
 * Outgoing port: the metadata an issuer publishes about itself (draft-ietf-oauth-sd-jwt-vc
 * {@code /.well-known/jwt-vc-issuer}, OpenID4VCI {@code /.well-known/openid-credential-issuer}).
 */
public interface IssuerMetadataSource {

    /** Never throws: what could not be had is a {@link MetadataLookup} too. */
    MetadataLookup lookup(String issuer);

    /**
     * As {@link #lookup(String)}, waiting at most {@code budget} (issue 15.1: the request's outbound
     * budget; also on a lookup another caller started). Out of budget, the documents are missing with a
     * "could not fetch (out of budget)" note.
     */
    default MetadataLookup lookup(String issuer, java.time.Duration budget) {
        return lookup(issuer);
    }

    /** No network: every lookup is skipped, and the verdict's trace says so. */
    static IssuerMetadataSource offline() {
        return issuer -> new MetadataLookup.Skipped("offline: issuer metadata not fetched");
    }
}
