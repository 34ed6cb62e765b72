package org.qtrust.adapters.crypto.sandbox;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import org.qtrust.adapters.crypto.issuance.Salts;
import org.qtrust.adapters.crypto.pki.CertificateBuilder;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.adapters.crypto.pki.KeyUsage;
import org.qtrust.adapters.crypto.pki.SeededKeys;

/**
 * The sandbox's certification authorities and signers, all derived from the seed: keys from
 * {@link SeededKeys}, serial numbers from the certificate's name, dates from
 * {@link SandboxLayout#BASE}. Artefact generators issue further certificates under them with
 * {@link #certificate(String, String)}.
 */
public final class SandboxPki {

    static final Instant Y2010 = Instant.parse("2010-01-01T00:00:00Z");
    static final Instant Y2015 = Instant.parse("2015-01-01T00:00:00Z");
    static final Instant Y2020 = Instant.parse("2020-01-01T00:00:00Z");
    static final Instant Y2025 = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant Y2035 = Instant.parse("2035-01-01T00:00:00Z");
    static final Instant Y2040 = Instant.parse("2040-01-01T00:00:00Z");

    private final SeededKeys keys;
    private final SandboxSettings settings;

    private final KeyAndCertificate officialJournal;
    private final KeyAndCertificate lotlSigner;
    private final KeyAndCertificate listSignerA;
    private final KeyAndCertificate listSignerB;
    private final KeyAndCertificate listSignerC;
    private final KeyAndCertificate rogueListSignerC;
    private final KeyAndCertificate rootCaA;
    private final KeyAndCertificate issuingCaA;
    private final KeyAndCertificate ocspResponderA;
    private final KeyAndCertificate legacyCaA;
    private final KeyAndCertificate sealCaB;
    private final KeyAndCertificate nationalCaB;
    private final KeyAndCertificate attestationIssuerB;
    private final KeyAndCertificate caC;
    private final KeyAndCertificate nationalRootZ;
    private final KeyAndCertificate loteSigner;
    private final KeyAndCertificate pidProviderA;
    private final KeyAndCertificate pidProviderW;
    private final KeyAndCertificate pidIacaA;
    private final KeyAndCertificate pidDocumentSignerA;
    private final KeyAndCertificate rogueIaca;
    private final KeyAndCertificate rogueDocumentSigner;
    private final KeyAndCertificate mdlIacaM;
    private final KeyAndCertificate mdlDocumentSignerM;
    private final KeyAndCertificate qualifiedCaDocumentSigner;

    public SandboxPki(SandboxSettings settings) {
        this.settings = settings;
        this.keys = SeededKeys.fromSeed(settings.seed());
        officialJournal = selfSignedCa("oj", "CN=Sandbox Official Journal LOTL Signer,O=European Commission (sandbox),C=EU", Y2020, Y2040);
        lotlSigner = signer("lotl-2026", "CN=Sandbox LOTL Signer 2026,O=European Commission (sandbox),C=EU");
        listSignerA = signer("tl-xa", "CN=Sandbox Trusted List Signer XA,O=Scheme Operator XA,C=XA");
        listSignerB = signer("tl-xb", "CN=Sandbox Trusted List Signer XB,O=Scheme Operator XB,C=XB");
        listSignerC = signer("tl-xc", "CN=Sandbox Trusted List Signer XC,O=Scheme Operator XC,C=XC");
        rogueListSignerC = signer("tl-xc-rogue", "CN=Sandbox Trusted List Signer XC,O=Scheme Operator XC,C=XC");
        rootCaA = selfSignedCa("root-a", "CN=Sandbox Root CA A,O=Sandbox Qualified Trust Services A,C=XA", Y2010, Y2040);
        issuingCaA = certificate("issuing-a", "CN=Sandbox Issuing CA A,O=Sandbox Qualified Trust Services A,C=XA")
                .issuedBy(rootCaA).ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).validity(Y2015, Y2040).issue();
        ocspResponderA = certificate("ocsp-a", "CN=Sandbox OCSP Responder A,O=Sandbox Qualified Trust Services A,C=XA")
                .issuedBy(issuingCaA).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE)
                .extendedKeyUsage("1.3.6.1.5.5.7.3.9").ocspNoCheck().validity(Y2025, Y2035).issue();
        legacyCaA = selfSignedCa("legacy-a", "CN=Sandbox Legacy QC CA,O=Sandbox Legacy Trust A,C=XA", Y2010, Y2040);
        sealCaB = selfSignedCa("seal-b", "CN=Sandbox Seal CA B,O=Sandbox Trust B,C=XB", Y2015, Y2040);
        nationalCaB = selfSignedCa("national-b", "CN=Sandbox National CA B,O=Sandbox Trust B,C=XB", Y2015, Y2040);
        // Issue 13.2: a credential issuer's certificate names its iss (SAN URI), which binds the iss of its credentials.
        attestationIssuerB = certificate("eaa-b", "CN=Sandbox Attestation Issuer B,O=Sandbox Trust B,C=XB")
                .issuedBy(sealCaB).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE).validity(Y2025, Y2035)
                .subjectAltNames(SandboxLayout.issuerId(settings, CredentialArtefacts.ATTESTATION_ISSUER)).issue();
        caC = selfSignedCa("ca-c", "CN=Sandbox CA C,O=Sandbox Trust C,C=XC", Y2015, Y2040);
        nationalRootZ = selfSignedCa("root-z", "CN=Sandbox National Root Z,O=Sandbox Non-EU Scheme Z,C=ZZ", Y2020, Y2040);
        loteSigner = signer("lote-pid", "CN=Sandbox PID Providers List Signer,O=European Commission (sandbox),C=EU");
        pidProviderA = certificate("pid-a", "CN=Sandbox PID Provider A,O=Sandbox PID Provider A,C=XA").selfSigned().endEntity()
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE).validity(Y2025, Y2035)
                .subjectAltNames(SandboxLayout.issuerId(settings, LoteArtefacts.PID_PROVIDER_A)).issue();
        pidProviderW = pidProvider("pid-w", "CN=Sandbox PID Provider W,O=Sandbox PID Provider W,C=XB");
        pidIacaA = certificate("pid-a-iaca", "CN=Sandbox PID Provider A IACA,O=Sandbox PID Provider A,C=XA").selfSigned().ca(0)
                .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).validity(Y2025, Y2035).issue();
        pidDocumentSignerA = documentSigner("pid-a-ds", "CN=Sandbox PID Provider A DS,O=Sandbox PID Provider A,C=XA", pidIacaA);
        rogueIaca = certificate("rogue-iaca", "CN=Sandbox Unlisted IACA,O=Sandbox Unlisted,C=XA").selfSigned().ca(0)
                .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).validity(Y2025, Y2035).issue();
        rogueDocumentSigner = documentSigner("rogue-ds", "CN=Sandbox Unlisted DS,O=Sandbox Unlisted,C=XA", rogueIaca);
        mdlIacaM = certificate("mdl-m-iaca", "CN=Sandbox mDL Provider M IACA,O=Sandbox Driving Licence Authority M,C=XA").selfSigned()
                .ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).validity(Y2025, Y2035).issue();
        mdlDocumentSignerM = documentSigner("mdl-m-ds", "CN=Sandbox mDL Provider M DS,O=Sandbox Driving Licence Authority M,C=XA", mdlIacaM);
        qualifiedCaDocumentSigner = documentSigner("qc-a-ds", "CN=Sandbox DS under Issuing CA A,O=Sandbox Qualified Trust Services A,C=XA",
                issuingCaA);
    }

    /** ISO/IEC 18013-5 Annex B.1.4: a Document Signer certificate (mdlDS extended key usage) under its IACA. */
    private KeyAndCertificate documentSigner(String keyName, String subject, KeyAndCertificate iaca) {
        return certificate(keyName, subject).issuedBy(iaca).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE)
                .extendedKeyUsage("1.0.18013.5.1.2").validity(Y2025, Y2035).issue();
    }

    /** PID Provider A's mdoc issuing authority (IACA), listed on the PID providers list beside its SD-JWT key. */
    public KeyAndCertificate pidIacaA() {
        return pidIacaA;
    }

    /** PID Provider A's mdoc Document Signer, under {@link #pidIacaA()}. */
    public KeyAndCertificate pidDocumentSignerA() {
        return pidDocumentSignerA;
    }

    /** mDL Provider M's IACA, the one service of the sandbox mDL providers list (issue 18). */
    public KeyAndCertificate mdlIacaM() {
        return mdlIacaM;
    }

    /** mDL Provider M's Document Signer, under {@link #mdlIacaM()}. */
    public KeyAndCertificate mdlDocumentSignerM() {
        return mdlDocumentSignerM;
    }

    /**
     * A Document Signer certificate issued by Issuing CA A — a CA/QC service (qualified e-signatures)
     * on list XA, no PID or mDL provider: issue 13.1's role check refuses what it signs.
     */
    public KeyAndCertificate qualifiedCaDocumentSigner() {
        return qualifiedCaDocumentSigner;
    }

    /** An IACA no list names, and its Document Signer. */
    public KeyAndCertificate rogueDocumentSigner() {
        return rogueDocumentSigner;
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** A key pair of the seed that no certificate carries, e.g. a wallet holder's key. */
    public java.security.KeyPair key(String keyName) {
        return keys.ecKey(keyName);
    }

    /** Salts for the SD-JWT named {@code label}, derived from the seed: the same sandbox gets the same disclosures. */
    public Salts salts(String label) {
        return Salts.derivedFrom(secret("sd-jwt-salts:" + label));
    }

    /** 32 bytes derived from the seed for {@code purpose} (salts, never keys). */
    byte[] secret(String purpose) {
        return keys.secret(purpose);
    }

    /**
     * A certificate for {@code subjectDn} with the seed's key named {@code keyName}; its serial
     * number is derived from the key name, so adding artefacts never changes existing ones.
     */
    public CertificateBuilder certificate(String keyName, String subjectDn) {
        return CertificateBuilder.subject(subjectDn, keys.ecKey(keyName), serialFor(keyName));
    }

    private KeyAndCertificate selfSignedCa(String keyName, String subject, Instant from, Instant to) {
        return certificate(keyName, subject).selfSigned().ca(-1).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN)
                .validity(from, to).issue();
    }

    private KeyAndCertificate signer(String keyName, String subject) {
        return certificate(keyName, subject).selfSigned().endEntity()
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION).validity(Y2025, Y2035).issue();
    }

    private KeyAndCertificate pidProvider(String keyName, String subject) {
        return certificate(keyName, subject).selfSigned().endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE)
                .validity(Y2025, Y2035).issue();
    }

    private static BigInteger serialFor(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, java.util.Arrays.copyOf(digest, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the pivot LOTL; its certificate is the Official Journal keystore's content. */
    public KeyAndCertificate officialJournal() {
        return officialJournal;
    }

    /** Signs the current LOTL; announced by the pivot's EU pointer. */
    public KeyAndCertificate lotlSigner() {
        return lotlSigner;
    }

    public KeyAndCertificate listSignerA() {
        return listSignerA;
    }

    public KeyAndCertificate listSignerB() {
        return listSignerB;
    }

    /** The signer the LOTL announces for XC. */
    public KeyAndCertificate listSignerC() {
        return listSignerC;
    }

    /** Same name as {@link #listSignerC()}, another key: it signs XC, which is therefore refused. */
    public KeyAndCertificate rogueListSignerC() {
        return rogueListSignerC;
    }

    /** Listed (CA/QC) root of a two-level hierarchy. */
    public KeyAndCertificate rootCaA() {
        return rootCaA;
    }

    /** Issues the end-entity certificates under {@link #rootCaA()}; not listed itself. */
    public KeyAndCertificate issuingCaA() {
        return issuingCaA;
    }

    /** Delegated OCSP responder of {@link #issuingCaA()}, also listed as an OCSP/QC service. */
    public KeyAndCertificate ocspResponderA() {
        return ocspResponderA;
    }

    /** CA/QC service withdrawn in 2025. */
    public KeyAndCertificate legacyCaA() {
        return legacyCaA;
    }

    public KeyAndCertificate sealCaB() {
        return sealCaB;
    }

    /** CA/PKC service, recognised at national level only. */
    public KeyAndCertificate nationalCaB() {
        return nationalCaB;
    }

    /** The key an EAA/Q service is listed with: signs attestations (credentials, once supported). */
    public KeyAndCertificate attestationIssuerB() {
        return attestationIssuerB;
    }

    /** Listed on XC, whose list is not trusted. */
    public KeyAndCertificate caC() {
        return caC;
    }

    /** A national root with no trusted list: trusted only as a plain anchor. */
    public KeyAndCertificate nationalRootZ() {
        return nationalRootZ;
    }

    /** Signs the EU PID providers list (a LoTE); its certificate is the LoTE anchor. */
    public KeyAndCertificate loteSigner() {
        return loteSigner;
    }

    /** A PID provider on the PID providers list: signs PID credentials. */
    public KeyAndCertificate pidProviderA() {
        return pidProviderA;
    }

    /** A PID provider whose service the PID providers list shows withdrawn. */
    public KeyAndCertificate pidProviderW() {
        return pidProviderW;
    }
}
