package org.qtrust.cli.lists;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.refresh.ListRefresh;

/**
 * The one line that says the Official Journal certificates are outdated: the LOTL verifies with a
 * key that is none of them, and no pivot LOTL leads from them to it (the pivots the LOTL's
 * SchemeInformationURI lists, TS 119 612 clause 5.3.7, were already followed by the loader). That is what happens after the
 * Commission replaces the LOTL signing certificates with a new Official Journal publication, as
 * notice C/2026/1944 did.
 */
final class OutdatedOfficialJournal {

    /** How our XAdES verifier names a signer it did not expect (adapters-crypto XadesListSignatureVerifier). */
    private static final Pattern UNEXPECTED_SIGNER = Pattern.compile("with the key of (.+?), which is not among");

    private OutdatedOfficialJournal() {
    }

    /** For a load: the line when the LOTL's signer is not trusted. */
    static Optional<String> line(ListVerdict lotl, int officialJournalCertificates) {
        if (lotl.rejection().filter(r -> r == ListRejection.SIGNER_NOT_TRUSTED).isEmpty()) {
            return Optional.empty();
        }
        String signer = lotl.signature().map(SignatureCheck::signerSubject).filter(s -> !s.isBlank()).orElse("an unknown signer");
        return Optional.of(text(signer, officialJournalCertificates));
    }

    /** For a refresh: the line when the downloaded LOTL was refused because its signer is not trusted. */
    static Optional<String> line(ListRefresh lotl, java.util.function.IntSupplier officialJournalCertificates) {
        if (lotl.problem().filter(p -> ListRejection.SIGNER_NOT_TRUSTED.code().equals(p.code())).isEmpty()) {
            return Optional.empty();
        }
        Matcher signer = UNEXPECTED_SIGNER.matcher(lotl.detail());
        return Optional.of(text(signer.find() ? signer.group(1) : "a certificate none of them matches",
                officialJournalCertificates.getAsInt()));
    }

    private static String text(String signer, int count) {
        return "qtrust: the LOTL is signed by " + signer + ", which is none of the " + count
                + " Official Journal certificates given, and no pivot LOTL leads to it: they are probably outdated — "
                + "take the certificates of a newer Official Journal publication (docs/live-eu.md; check them with 'qtrust oj show') "
                + "and give its URL with --oj-url";
    }
}
