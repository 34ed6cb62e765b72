package org.qtrust.adapters.crypto.testpki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.qtrust.adapters.crypto.xades.XadesListSigner;

/**
 * Signs a trusted-list document for tests: a thin front of the product's
 * {@link XadesListSigner} (enveloped XAdES-BASELINE-B-like, see there), kept so tests read as
 * before. Immutable: the {@code with...} methods return a changed copy.
 *
 * <pre>{@code byte[] signed = TestListSigner.with(credential).signingTime(t).sign(xmlBytes);}</pre>
 */
public final class TestListSigner {

    public static final String XADES = XadesListSigner.XADES;
    public static final String SIGNED_PROPERTIES_TYPE = XadesListSigner.SIGNED_PROPERTIES_TYPE;
    public static final String XPATH = XadesListSigner.XPATH;
    public static final String XPATH_FILTER2 = XadesListSigner.XPATH_FILTER2;
    public static final String XSLT = XadesListSigner.XSLT;

    private final XadesListSigner signer;

    private TestListSigner(XadesListSigner signer) {
        this.signer = signer;
    }

    public static TestListSigner with(Credential signer) {
        return with(signer.privateKey(), signer.certificate());
    }

    public static TestListSigner with(PrivateKey key, X509Certificate certificate) {
        return new TestListSigner(XadesListSigner.with(key, certificate));
    }

    public TestListSigner signingTime(Instant time) {
        return new TestListSigner(signer.signingTime(time));
    }

    /** The document reference's URI: "" (default), or "#id" of the root or of any element carrying Id="id". */
    public TestListSigner referenceUri(String uri) {
        return new TestListSigner(signer.referenceUri(uri));
    }

    /** The document reference's transforms, by algorithm URI (see {@link XadesListSigner#documentTransforms}). */
    public TestListSigner documentTransforms(String... algorithms) {
        return new TestListSigner(signer.documentTransforms(algorithms));
    }

    /** Leaves out the SignedProperties reference (the properties are still there, unsigned). */
    public TestListSigner withoutSignedPropertiesReference() {
        return new TestListSigner(signer.withoutSignedPropertiesReference());
    }

    /** The ds:Signature Id (default: derived from the document and the certificate). */
    public TestListSigner signatureId(String id) {
        return new TestListSigner(signer.signatureId(id));
    }

    /** Names another certificate in SigningCertificateV2 than the one in KeyInfo (a substitution, for negative tests). */
    public TestListSigner signingCertificateProperty(X509Certificate named) {
        return new TestListSigner(signer.signingCertificateProperty(named));
    }

    /** Which signing-certificate property the signed properties carry (SigningCertificateV2 by default). */
    public TestListSigner signingCertificateForm(XadesListSigner.SigningCertificateForm form) {
        return new TestListSigner(signer.signingCertificateForm(form));
    }

    public String sign(String xml) {
        return signer.sign(xml);
    }

    public byte[] sign(byte[] xml) {
        return signer.sign(xml);
    }
}
