package org.qtrust.core.trustedlist.mra;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One CertificateContentReferenceEquivalence: a certificate that meets the pointed party's
 * declaration for a context (e.g. QcCompliance with QcCClegislation ZZ) is read as meeting the
 * pointing party's (e.g. QcCompliance) for that context.
 *
 * @param context  what the declarations are about
 * @param pointing the pointing party's declaration (what the certificate counts as)
 * @param pointed  the pointed party's declaration (the condition on the certificate)
 */
public record ContentEquivalence(Context context, QcStatementCriteria pointing, QcStatementCriteria pointed) {

    /** The contexts of the EC's MRA schema v2 (the last segment of CertificateContentReferenceEquivalenceContext). */
    public enum Context {
        /** QcCompliance (EN 319 412-5 §4.2.1): the certificate is qualified. */
        QC_COMPLIANCE("qccompliance"),
        /** QcType (§4.2.3): what it is for. */
        QC_TYPE("qctype"),
        /** QcQSCD / QcSSCD (§4.2.2): its key is in a QSCD. */
        QC_QSCD("qcqscd"),
        QC_SSCD("qcsscd");

        private final String segment;

        Context(String segment) {
            this.segment = segment;
        }

        /** The context named by a context URI's last path segment, when it is one of the schema's. */
        public static Optional<Context> fromUri(String uri) {
            String last = uri.substring(uri.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            for (Context context : values()) {
                if (context.segment.equals(last)) {
                    return Optional.of(context);
                }
            }
            return Optional.empty();
        }
    }

    public ContentEquivalence {
        Objects.requireNonNull(context);
        Objects.requireNonNull(pointing);
        Objects.requireNonNull(pointed);
    }
}
