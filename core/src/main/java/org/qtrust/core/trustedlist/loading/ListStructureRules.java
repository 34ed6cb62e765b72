package org.qtrust.core.trustedlist.loading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.TrustedList;

/**
 * The format rules a list must meet for its TSLVersionIdentifier, beyond what the reader needs to
 * read it. As EC DSS's TL structure verifier does, only versions 5 (TS 119 612 v2.1.1–v2.3.1) and
 * 6 (v2.4.1) are accepted, and a v6 list's XAdES signature must carry the signing-certificate
 * property in its EN 319 132-1 form: TS 119 612 v2.4.1 §5.7.1 requires a XAdES baseline B
 * signature (EN 319 132-1 §6.3, SigningCertificateV2), whose v1 forms (SigningCertificate,
 * SignatureProductionPlace, SignerRole) shall not be used.
 */
public final class ListStructureRules {

    /** TS 119 612 v2.4.1 ("v6" lists) in force for the EU lists (TS 119 612 v2.4.1 foreword; Commission notice). */
    public static final Instant V6_IN_FORCE = Instant.parse("2026-04-28T00:00:00Z");

    private static final Set<Integer> ACCEPTED_VERSIONS = Set.of(5, 6);
    private static final List<String> V1_FORMS = List.of("SigningCertificate", "SignatureProductionPlace", "SignerRole");

    private ListStructureRules() {
    }

    /**
     * Judges a list read from its document, with the check of its signature (the signature's
     * properties are judged only when it verified: what an unverified signature says proves nothing).
     */
    public static ListStructure judge(TrustedList list, SignatureCheck signature) {
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int version = list.scheme().versionIdentifier();
        if (!ACCEPTED_VERSIONS.contains(version)) {
            errors.add("TSLVersionIdentifier " + version + " is not accepted: only 5 (TS 119 612 v2.1.1 to v2.3.1) and 6"
                    + " (v2.4.1) are (TS 119 612 v2.4.1 §5.3.1)");
        }
        if (signature.isValid()) {
            List<String> properties = signature.signedSignatureProperties();
            if (version == 6) {
                boolean v2 = properties.contains("SigningCertificateV2");
                boolean v1 = properties.contains("SigningCertificate");
                if (!v2) {
                    errors.add("a v6 list's signature must carry the signed SigningCertificateV2 property (TS 119 612"
                            + " v2.4.1 §5.7.1: XAdES baseline B, EN 319 132-1 §6.3)"
                            + (v1 ? "; this one has only the older SigningCertificate" : "; this one has none"));
                }
                for (String form : V1_FORMS) {
                    if (properties.contains(form) && (v2 || !form.equals("SigningCertificate"))) {
                        errors.add("a v6 list's signature shall not carry the XAdES v1 property " + form
                                + " (TS 119 612 v2.4.1 §5.7.1, EN 319 132-1 §6.3: use " + form + "V2)");
                    }
                }
            }
        }
        if (version == 5 && !list.scheme().issued().isBefore(V6_IN_FORCE)) {
            warnings.add("a v5 list issued " + list.scheme().issued() + ", after TS 119 612 v2.4.1 (v6 lists) came into"
                    + " force on " + V6_IN_FORCE);
        }
        return new ListStructure(warnings, errors);
    }

    /** One trace line summarising the findings. */
    static String describe(ListStructure structure, int version) {
        if (structure.errors().isEmpty() && structure.warnings().isEmpty()) {
            return "structure: conformant TSLVersionIdentifier " + version + " list (TS 119 612 §5.3.1, §5.7.1)";
        }
        StringBuilder line = new StringBuilder("structure (TSLVersionIdentifier " + version + "):");
        structure.errors().forEach(e -> line.append(" error: ").append(e).append(';'));
        structure.warnings().forEach(w -> line.append(" warning: ").append(w).append(';'));
        return line.substring(0, line.length() - 1);
    }
}
