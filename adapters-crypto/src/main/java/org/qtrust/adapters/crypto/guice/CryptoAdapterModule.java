package org.qtrust.adapters.crypto.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.jades.JadesListSignatureVerifier;
import org.qtrust.adapters.crypto.jades.LoteListSignatureVerifier;
import org.qtrust.adapters.crypto.mdoc.BouncyCastleCoseSignatures;
import org.qtrust.adapters.crypto.mdoc.JacksonCborCodec;
import org.qtrust.adapters.crypto.sdjwt.Jose4jWebTokens;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.credential.mdoc.port.CborCodec;
import org.qtrust.core.credential.mdoc.port.CoseSignatures;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;

/** Binds the crypto adapter's ports: list signatures are verified with the JDK's XML-DSig (and Bouncy Castle where needed). */
public final class CryptoAdapterModule extends AbstractModule {

    private final long maxDocumentBytes;
    private final int maxElementDepth;

    public CryptoAdapterModule() {
        this(XadesListSignatureVerifier.DEFAULT_MAX_BYTES, XadesListSignatureVerifier.DEFAULT_MAX_ELEMENT_DEPTH);
    }

    /** With other limits for the documents the verifier accepts. */
    public CryptoAdapterModule(long maxDocumentBytes, int maxElementDepth) {
        this.maxDocumentBytes = maxDocumentBytes;
        this.maxElementDepth = maxElementDepth;
    }

    /** One verifier for the whole application: it is thread-safe and keeps per-thread parsers. */
    @Provides
    @Singleton
    ListSignatureVerifier listSignatureVerifier() {
        return new XadesListSignatureVerifier(maxDocumentBytes, maxElementDepth);
    }

    /** Lists of trusted entities: XAdES for the XML form, JAdES (jose4j) for the JSON form. */
    @Provides
    @Singleton
    LoteSignatureVerifier loteSignatureVerifier(ListSignatureVerifier xades) {
        return new LoteListSignatureVerifier(xades, new JadesListSignatureVerifier((int) Math.min(Integer.MAX_VALUE, maxDocumentBytes)));
    }

    /** One certificate inspector for the whole application: thread-safe, it caches parsing and signature results. */
    @Provides
    @Singleton
    CertificateInspector certificateInspector() {
        return new BouncyCastleCertificateInspector();
    }

    /** One JOSE reader and verifier (jose4j on Bouncy Castle) for the whole application: thread-safe, it caches decoded keys. */
    @Provides
    @Singleton
    JsonWebTokens jsonWebTokens() {
        return new Jose4jWebTokens();
    }

    /** mdoc: strict CBOR through Jackson's CBOR data format. */
    @Provides
    @Singleton
    CborCodec cborCodec() {
        return new JacksonCborCodec();
    }

    /** mdoc: COSE signatures on the same private Bouncy Castle instance as JOSE; it caches decoded keys. */
    @Provides
    @Singleton
    CoseSignatures coseSignatures() {
        return new BouncyCastleCoseSignatures();
    }
}
