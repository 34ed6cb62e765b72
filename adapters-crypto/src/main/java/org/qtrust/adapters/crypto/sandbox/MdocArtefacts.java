package org.qtrust.adapters.crypto.sandbox;

import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.adapters.crypto.mdoc.JacksonCborCodec;
import org.qtrust.adapters.crypto.lotewriter.LoteWriter;
import org.qtrust.adapters.crypto.mdoc.MdocIssuer;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.core.credential.mdoc.CoseAlgorithm;
import org.qtrust.core.credential.mdoc.SessionTranscript;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.CborLimits;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;

/**
 * mdoc PIDs (ISO/IEC 18013-5, docType {@code eu.europa.ec.eudi.pid.1}) of PID Provider A, and mDLs
 * ({@code org.iso.18013.5.1.mDL}) of mDL Provider M through a sandbox mDL providers list. PID Provider A's
 * IACA the PID providers list names beside its SD-JWT key: one valid, and one per mdoc rejection —
 * a tampered element, a wrong docType, an expired validity, a device signature over another
 * transcript, a device MAC, a Document Signer under an unlisted IACA. Each is a DeviceResponse in base64url;
 * its manifest row carries the OpenID4VP handover ({@code --mdoc-handover}).
 */
final class MdocArtefacts implements ArtefactGenerator {

    static final String MDOC_CREDENTIALS = SandboxLayout.CREDENTIALS + "/mdoc";
    static final String PID_DOC_TYPE = "eu.europa.ec.eudi.pid.1";
    static final String MDL_DOC_TYPE = "org.iso.18013.5.1.mDL";
    static final String MDL_NAMESPACE = "org.iso.18013.5.1";
    static final String CLIENT_ID = "x509_san_dns:verifier.sandbox.qtrust.invalid";
    static final String RESPONSE_URI = "https://verifier.sandbox.qtrust.invalid/response";
    static final String HANDOVER = CLIENT_ID + "," + RESPONSE_URI + "," + SandboxLayout.NONCE;
    static final Instant SIGNED = SandboxLayout.BASE.plus(30, ChronoUnit.DAYS);
    static final Instant UNTIL = SandboxLayout.BASE.plus(365, ChronoUnit.DAYS);

    @Override
    public void generate(SandboxPki pki, SandboxOutput output) {
        JacksonCborCodec cbor = new JacksonCborCodec();
        KeyPair holder = pki.key("mdoc-holder");
        SessionTranscript transcript = SessionTranscript.openId4Vp(cbor, CLIENT_ID, RESPONSE_URI, SandboxLayout.NONCE, Optional.empty());
        MdocIssuer provider = issuer(pki, cbor, pki.pidDocumentSignerA(), pki.pidIacaA(), "pid");
        MdocIssuer.Request pid = MdocIssuer.Request.of(PID_DOC_TYPE, elements(), SIGNED, UNTIL, holder.getPublic());

        declare(output, "pid.mdoc", provider.deviceResponse(PID_DOC_TYPE, provider.issue(pid), holder.getPrivate(), CoseAlgorithm.ES256,
                transcript), "ok", "mdoc PID (eu.europa.ec.eudi.pid.1) of PID Provider A, its Document Signer under the IACA the PID "
                + "providers list names; device signature over the OpenID4VP handover of the manifest's args");

        MdocIssuer tamperer = issuer(pki, cbor, pki.pidDocumentSignerA(), pki.pidIacaA(), "pid-tampered");
        declare(output, "pid-tampered-element.mdoc", tamperer.deviceResponse(PID_DOC_TYPE,
                tamperFirstElement(cbor, tamperer.issue(pid)), holder.getPrivate(), CoseAlgorithm.ES256, transcript), "digest_mismatch",
                "mdoc PID whose family_name was changed after the issuer signed it");

        MdocIssuer wrongType = issuer(pki, cbor, pki.pidDocumentSignerA(), pki.pidIacaA(), "pid-doctype");
        declare(output, "pid-wrong-doctype.mdoc", wrongType.deviceResponse(PID_DOC_TYPE,
                wrongType.issue(pid.withMsoDocType("org.iso.18013.5.1.mDL")), holder.getPrivate(), CoseAlgorithm.ES256, transcript),
                "doc_type_mismatch", "mdoc presented as a PID whose MSO was signed for an mDL");

        MdocIssuer expiring = issuer(pki, cbor, pki.pidDocumentSignerA(), pki.pidIacaA(), "pid-expired");
        MdocIssuer.Request expired = new MdocIssuer.Request(PID_DOC_TYPE, PID_DOC_TYPE, elements(), SandboxLayout.BASE.plus(1, ChronoUnit.DAYS),
                SandboxLayout.VALIDATION_TIME.minus(30, ChronoUnit.DAYS), holder.getPublic(), List.of(), Optional.empty());
        declare(output, "pid-expired.mdoc", expiring.deviceResponse(PID_DOC_TYPE, expiring.issue(expired), holder.getPrivate(),
                CoseAlgorithm.ES256, transcript), "credential_expired", "mdoc PID whose validityInfo.validUntil is a month before the validation time");

        MdocIssuer replayed = issuer(pki, cbor, pki.pidDocumentSignerA(), pki.pidIacaA(), "pid-transcript");
        SessionTranscript other = SessionTranscript.openId4Vp(cbor, CLIENT_ID, RESPONSE_URI, "another-session-nonce", Optional.empty());
        declare(output, "pid-other-transcript.mdoc", replayed.deviceResponse(PID_DOC_TYPE, replayed.issue(pid), holder.getPrivate(),
                CoseAlgorithm.ES256, other), "invalid_holder_binding", "mdoc PID whose device signature covers another session's nonce (a replay)");

        MdocIssuer macIssuer = issuer(pki, cbor, pki.pidDocumentSignerA(), pki.pidIacaA(), "pid-mac");
        declare(output, "pid-device-mac.mdoc", withDeviceMac(cbor, macIssuer.deviceResponse(PID_DOC_TYPE, macIssuer.issue(pid),
                holder.getPrivate(), CoseAlgorithm.ES256, transcript)), "device_mac_unsupported",
                "mdoc PID whose device authenticates with a deviceMac (needs the reader's private key, which a verifier is not given)");

        MdocIssuer rogue = issuer(pki, cbor, pki.rogueDocumentSigner(), null, "pid-unlisted");
        declare(output, "pid-unlisted-iaca.mdoc", rogue.deviceResponse(PID_DOC_TYPE, rogue.issue(pid), holder.getPrivate(),
                CoseAlgorithm.ES256, transcript), "issuer_not_trusted", "mdoc PID whose Document Signer chains to an IACA no list names");

        MdocIssuer mdlProvider = issuer(pki, cbor, pki.mdlDocumentSignerM(), pki.mdlIacaM(), "pid-by-mdl-provider");
        declare(output, "pid-mdl-provider-iaca.mdoc", mdlProvider.deviceResponse(PID_DOC_TYPE, mdlProvider.issue(pid), holder.getPrivate(),
                CoseAlgorithm.ES256, transcript), "issuer_not_trusted", "mdoc PID signed by mDL Provider M's Document Signer: its IACA "
                + "is on the mDL providers list, not the PID providers list (a PID only from a PID provider)");

        mdls(pki, output, cbor, holder, transcript);
    }

    /**
     * The mDL providers list (TS 119 602 shape under QTrust's list type URN: no EU profile defines
     * one yet) with mDL Provider M's IACA, and mDLs ({@code org.iso.18013.5.1.mDL}): one valid, one
     * per mdoc rejection, one of PID Provider A (a PID provider is no mDL provider), and one whose
     * Document Signer is under a CA/QC service of list XA (issue 13.1: the role needed and the service
     * found in the trace).
     */
    private static void mdls(SandboxPki pki, SandboxOutput output, JacksonCborCodec cbor, KeyPair holder, SessionTranscript transcript) {
        String list = LoteWriter.mdlProviders().sequenceNumber(1).issued(SandboxLayout.BASE)
                .nextUpdate(TrustedListsArtefacts.NEXT_UPDATE).operator("Sandbox mDL Providers List Operator")
                .entity("Sandbox mDL Provider M",
                        LoteWriter.service("Sandbox mDL M issuance (IACA)", LoteWriter.MDL_ISSUANCE, pki.mdlIacaM().certificate()))
                .signedJson(pki.loteSigner().privateKey(), pki.loteSigner().certificate());
        output.write(SandboxLayout.MDL_PROVIDERS, list);
        List<String> load = new ArrayList<>(List.of("lists", "load"));
        load.addAll(SandboxLayout.mdocLoteOptions());
        load.add("--json");
        output.declare(new SandboxArtefact(SandboxLayout.MDL_PROVIDERS, SandboxArtefact.Kind.LIST, load, 0, "ok",
                SandboxArtefact.TrustSource.LOTE, "mDL providers list (TS 119 602 shape, QTrust's list type "
                + LoteWriter.MDL_PROVIDERS_LIST + ", JSON/JWS) signed by the sandbox LoTE signer: mDL Provider M's IACA"));

        MdocIssuer.Request mdl = MdocIssuer.Request.of(MDL_DOC_TYPE, mdlElements(), SIGNED, UNTIL, holder.getPublic());
        MdocIssuer provider = issuer(pki, cbor, pki.mdlDocumentSignerM(), pki.mdlIacaM(), "mdl");
        declare(output, "mdl.mdoc", provider.deviceResponse(MDL_DOC_TYPE, provider.issue(mdl), holder.getPrivate(), CoseAlgorithm.ES256,
                transcript), "ok", "mdoc mDL (org.iso.18013.5.1.mDL) of mDL Provider M, its Document Signer under the IACA the mDL "
                + "providers list names; device signature over the OpenID4VP handover of the manifest's args");

        MdocIssuer tamperer = issuer(pki, cbor, pki.mdlDocumentSignerM(), pki.mdlIacaM(), "mdl-tampered");
        declare(output, "mdl-tampered-element.mdoc", tamperer.deviceResponse(MDL_DOC_TYPE, tamperFirstElement(cbor, tamperer.issue(mdl)),
                holder.getPrivate(), CoseAlgorithm.ES256, transcript), "digest_mismatch", "mdoc mDL whose family_name was changed after the "
                + "issuer signed it");

        MdocIssuer wrongType = issuer(pki, cbor, pki.mdlDocumentSignerM(), pki.mdlIacaM(), "mdl-doctype");
        declare(output, "mdl-wrong-doctype.mdoc", wrongType.deviceResponse(MDL_DOC_TYPE, wrongType.issue(mdl.withMsoDocType(
                "org.iso.23220.photoid.1")), holder.getPrivate(), CoseAlgorithm.ES256, transcript), "doc_type_mismatch",
                "mdoc presented as an mDL whose MSO was signed for another docType");

        MdocIssuer expiring = issuer(pki, cbor, pki.mdlDocumentSignerM(), pki.mdlIacaM(), "mdl-expired");
        MdocIssuer.Request expired = new MdocIssuer.Request(MDL_DOC_TYPE, MDL_DOC_TYPE, mdlElements(), SandboxLayout.BASE.plus(1, ChronoUnit.DAYS),
                SandboxLayout.VALIDATION_TIME.minus(30, ChronoUnit.DAYS), holder.getPublic(), List.of(), Optional.empty());
        declare(output, "mdl-expired.mdoc", expiring.deviceResponse(MDL_DOC_TYPE, expiring.issue(expired), holder.getPrivate(),
                CoseAlgorithm.ES256, transcript), "credential_expired", "mdoc mDL whose validityInfo.validUntil is a month before the validation time");

        MdocIssuer replayed = issuer(pki, cbor, pki.mdlDocumentSignerM(), pki.mdlIacaM(), "mdl-transcript");
        SessionTranscript other = SessionTranscript.openId4Vp(cbor, CLIENT_ID, RESPONSE_URI, "another-session-nonce", Optional.empty());
        declare(output, "mdl-other-transcript.mdoc", replayed.deviceResponse(MDL_DOC_TYPE, replayed.issue(mdl), holder.getPrivate(),
                CoseAlgorithm.ES256, other), "invalid_holder_binding", "mdoc mDL whose device signature covers another session's nonce (a replay)");

        MdocIssuer rogue = issuer(pki, cbor, pki.rogueDocumentSigner(), null, "mdl-unlisted");
        declare(output, "mdl-unlisted-iaca.mdoc", rogue.deviceResponse(MDL_DOC_TYPE, rogue.issue(mdl), holder.getPrivate(),
                CoseAlgorithm.ES256, transcript), "issuer_not_trusted", "mdoc mDL whose Document Signer chains to an IACA no list names");

        MdocIssuer pidProvider = issuer(pki, cbor, pki.pidDocumentSignerA(), pki.pidIacaA(), "mdl-by-pid-provider");
        declare(output, "mdl-pid-provider-iaca.mdoc", pidProvider.deviceResponse(MDL_DOC_TYPE, pidProvider.issue(mdl), holder.getPrivate(),
                CoseAlgorithm.ES256, transcript), "issuer_not_trusted", "mdoc mDL signed by PID Provider A's Document Signer: its IACA is "
                + "on the PID providers list, not the mDL providers list (an mDL only from an mDL provider)");

        // Issue 13.1 through the trusted lists: a DS under a CA/QC service holds no mDL provider's role.
        MdocIssuer qualifiedCa = issuer(pki, cbor, pki.qualifiedCaDocumentSigner(), null, "mdl-qualified-ca");
        String path = MDOC_CREDENTIALS + "/mdl-qualified-ca.mdoc";
        output.write(path, Base64.getUrlEncoder().withoutPadding().encodeToString(qualifiedCa.deviceResponse(MDL_DOC_TYPE,
                qualifiedCa.issue(mdl), holder.getPrivate(), CoseAlgorithm.ES256, transcript)) + "\n");
        List<String> args = new ArrayList<>(List.of("credential", "verify", path, "--mdoc-handover", HANDOVER, "--require-key-binding"));
        args.addAll(SandboxLayout.offlineListOptions());
        output.declare(new SandboxArtefact(path, SandboxArtefact.Kind.CREDENTIAL, args, 1, "issuer_not_trusted", SandboxArtefact.TrustSource.TL,
                "mdoc mDL whose Document Signer was issued by Issuing CA A, a CA/QC service (qualified e-signatures) on list XA: not an "
                + "mDL provider (the trace names the role needed and the service found)"));
    }

    private static Map<String, Map<String, Cbor>> mdlElements() {
        Map<String, Cbor> mdl = new LinkedHashMap<>();
        mdl.put("family_name", Cbor.text("Mustermann"));
        mdl.put("given_name", Cbor.text("Erika"));
        mdl.put("birth_date", MdocIssuer.fullDate("1964-08-12"));
        mdl.put("issue_date", MdocIssuer.fullDate("2026-01-15"));
        mdl.put("expiry_date", MdocIssuer.fullDate("2036-01-14"));
        mdl.put("issuing_country", Cbor.text("XA"));
        mdl.put("issuing_authority", Cbor.text("Sandbox Driving Licence Authority M"));
        mdl.put("document_number", Cbor.text("XA-M-0001"));
        mdl.put("driving_privileges", Cbor.array(new Cbor.Map(Map.of(Cbor.text("vehicle_category_code"), Cbor.text("B")))));
        mdl.put("age_over_18", new Cbor.Bool(true));
        return Map.of(MDL_NAMESPACE, mdl);
    }

    private static MdocIssuer issuer(SandboxPki pki, JacksonCborCodec cbor, KeyAndCertificate signer, KeyAndCertificate iaca, String label) {
        List<java.security.cert.X509Certificate> chain = new ArrayList<>(List.of(signer.certificate()));
        chain.addAll(signer.chain().stream().skip(1).toList());
        if (iaca != null && chain.size() == 1) {
            chain.add(iaca.certificate());
        }
        return MdocIssuer.deterministic(cbor, signer.privateKey(), chain, CoseAlgorithm.ES256, pki.salts("mdoc:" + label));
    }

    private static Map<String, Map<String, Cbor>> elements() {
        Map<String, Cbor> pid = new LinkedHashMap<>();
        pid.put("family_name", Cbor.text("Mustermann"));
        pid.put("given_name", Cbor.text("Erika"));
        pid.put("birth_date", MdocIssuer.fullDate("1964-08-12"));
        pid.put("age_over_18", new Cbor.Bool(true));
        pid.put("nationality", Cbor.text("DE"));
        pid.put("issuing_country", Cbor.text("XA"));
        pid.put("issuing_authority", Cbor.text("Sandbox PID Provider A"));
        pid.put("expiry_date", MdocIssuer.fullDate("2027-01-01"));
        return Map.of(PID_DOC_TYPE, pid);
    }

    /** The first element of the first namespace re-embedded with another value: its digest no longer matches. */
    private static Cbor.Map tamperFirstElement(JacksonCborCodec cbor, Cbor.Map issuerSigned) {
        try {
            Cbor.Map nameSpaces = (Cbor.Map) issuerSigned.get("nameSpaces").orElseThrow();
            Map.Entry<Cbor, Cbor> first = nameSpaces.entries().entrySet().iterator().next();
            List<Cbor> items = new ArrayList<>(((Cbor.Array) first.getValue()).items());
            Cbor.Map item = (Cbor.Map) cbor.decode(((Cbor.Bytes) ((Cbor.Tagged) items.get(0)).value()).value(), CborLimits.EMBEDDED);
            Map<Cbor, Cbor> changed = new LinkedHashMap<>(item.entries());
            changed.put(Cbor.text("elementValue"), Cbor.text("Musterfrau"));
            items.set(0, Cbor.embedded(cbor.encode(new Cbor.Map(changed))));
            Map<Cbor, Cbor> spaces = new LinkedHashMap<>(nameSpaces.entries());
            spaces.put(first.getKey(), new Cbor.Array(items));
            Map<Cbor, Cbor> signed = new LinkedHashMap<>(issuerSigned.entries());
            signed.put(Cbor.text("nameSpaces"), new Cbor.Map(spaces));
            return new Cbor.Map(signed);
        } catch (MalformedCborException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DeviceResponse with its deviceSignature replaced by a deviceMac (COSE_Mac0 with HMAC 256/256, §9.1.3.5). */
    private static byte[] withDeviceMac(JacksonCborCodec cbor, byte[] deviceResponse) {
        try {
            Cbor.Map response = (Cbor.Map) cbor.decode(deviceResponse, CborLimits.ENVELOPE);
            Cbor.Map document = (Cbor.Map) ((Cbor.Array) response.get("documents").orElseThrow()).get(0);
            Cbor.Map deviceSigned = (Cbor.Map) document.get("deviceSigned").orElseThrow();
            Cbor mac = Cbor.array(Cbor.bytes(cbor.encode(new Cbor.Map(Map.of(Cbor.integer(1), Cbor.integer(5))))),
                    new Cbor.Map(Map.of()), Cbor.NULL, Cbor.bytes(new byte[32]));
            return cbor.encode(put(response, "documents", Cbor.array(put(document, "deviceSigned",
                    put(deviceSigned, "deviceAuth", new Cbor.Map(Map.of(Cbor.text("deviceMac"), mac)))))));
        } catch (MalformedCborException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cbor.Map put(Cbor.Map map, String key, Cbor value) {
        Map<Cbor, Cbor> copy = new LinkedHashMap<>(map.entries());
        copy.put(Cbor.text(key), value);
        return new Cbor.Map(copy);
    }

    private static void declare(SandboxOutput output, String fileName, byte[] deviceResponse, String code, String description) {
        String path = MDOC_CREDENTIALS + "/" + fileName;
        output.write(path, Base64.getUrlEncoder().withoutPadding().encodeToString(deviceResponse) + "\n");
        List<String> args = new ArrayList<>(List.of("credential", "verify", path, "--mdoc-handover", HANDOVER, "--require-key-binding"));
        // Both lists: a PID is trusted only through the PID providers list, an mDL only through the mDL providers list.
        args.addAll(SandboxLayout.mdocLoteOptions());
        output.declare(new SandboxArtefact(path, SandboxArtefact.Kind.CREDENTIAL, args, code.equals("ok") ? 0 : 1, code,
                SandboxArtefact.TrustSource.LOTE, description));
    }
}
