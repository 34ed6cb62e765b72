package org.qtrust.core.certificate.port;

import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.SubjectPublicKey;

/**
 * Outgoing port: the certificate crypto the domain cannot do with the JDK alone — reading
 * QcStatements and the other extensions as ASN.1, and verifying signatures for every
 * algorithm the EU lists use (brainpool curves and RSASSA-PSS included).
 *
 * <p>Implementations are thread-safe and may cache: the same bytes always give the same
 * facts, and the same certificate and key always the same signature answer.
 */
public interface CertificateInspector {

    /**
     * Reads a DER certificate. Malformed non-critical extensions do not fail: they are left
     * out and named in {@link CertificateFacts#notes()}.
     *
     * @throws MalformedCertificateException when the bytes are not an X.509 certificate
     */
    CertificateFacts inspect(byte[] der) throws MalformedCertificateException;

    /**
     * Reads a SubjectPublicKeyInfo (DER), as a list's KeyValue gives a service key.
     *
     * @throws MalformedCertificateException when the bytes are not a SubjectPublicKeyInfo
     */
    SubjectPublicKey publicKey(byte[] subjectPublicKeyInfo) throws MalformedCertificateException;

    /**
     * Whether the certificate's signature verifies with the given public key (RFC 5280 §6.1.3
     * (a)(1)). Only the mathematics: whether the algorithm is still acceptable is policy.
     * Never throws: an unsupported algorithm or a broken key is {@code false}.
     */
    boolean signatureVerifies(CertificateFacts certificate, SubjectPublicKey issuerKey);
}
