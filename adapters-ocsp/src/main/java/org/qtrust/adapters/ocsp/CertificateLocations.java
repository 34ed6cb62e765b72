package org.qtrust.adapters.ocsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Where a certificate says its revocation status is published (AIA OCSP, CRL distribution points). */
final class CertificateLocations {

    private CertificateLocations() {
    }

    /** The id-ad-ocsp URIs of a certificate's Authority Information Access extension (read without a full re-parse). */
    static List<String> ocspUrls(java.security.cert.X509Certificate certificate) {
        Extensions extensions = only(certificate, Extension.authorityInfoAccess);
        return extensions == null ? List.of() : ocspUrls(extensions);
    }

    /** The CRL distribution points of a certificate (read without a full re-parse). */
    static List<CrlPoint> crlPoints(java.security.cert.X509Certificate certificate) {
        Extensions extensions = only(certificate, Extension.cRLDistributionPoints);
        return extensions == null ? List.of() : crlPoints(extensions);
    }

    /** One extension of a certificate as Extensions, or null when absent or unreadable. */
    private static Extensions only(java.security.cert.X509Certificate certificate,
                                   org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        byte[] value = certificate.getExtensionValue(oid.getId());
        if (value == null) {
            return null;
        }
        try {
            byte[] inner = org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets();
            return new Extensions(new Extension(oid, false, inner));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The id-ad-ocsp URIs of the Authority Information Access extension, in order. */
    static List<String> ocspUrls(Extensions extensions) {
        List<String> urls = new ArrayList<>();
        AuthorityInformationAccess aia = extensions == null ? null : AuthorityInformationAccess.fromExtensions(extensions);
        if (aia == null) {
            return urls;
        }
        for (AccessDescription description : aia.getAccessDescriptions()) {
            if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
                    && description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                urls.add(ASN1IA5String.getInstance(description.getAccessLocation().getName()).getString());
            }
        }
        return urls;
    }

    /**
     * One distribution point: its URIs, every name of its fullName (matched against a CRL's
     * issuingDistributionPoint, RFC 5280 §6.3.3 (b)(2)(i)), and what this checker cannot follow about it.
     */
    record CrlPoint(List<String> urls, List<GeneralName> names, List<String> unsupported) {
    }

    /**
     * The CRL distribution points. A point with a cRLIssuer (indirect CRL), with reasons (a
     * partitioned CRL) or named relative to the issuer is reported as unsupported.
     */
    static List<CrlPoint> crlPoints(Extensions extensions) {
        List<CrlPoint> points = new ArrayList<>();
        if (extensions == null || extensions.getExtension(Extension.cRLDistributionPoints) == null) {
            return points;
        }
        CRLDistPoint distribution = CRLDistPoint.getInstance(extensions.getExtensionParsedValue(Extension.cRLDistributionPoints));
        for (DistributionPoint point : distribution.getDistributionPoints()) {
            List<String> urls = new ArrayList<>();
            List<GeneralName> names = new ArrayList<>();
            List<String> unsupported = new ArrayList<>();
            DistributionPointName name = point.getDistributionPoint();
            if (name == null) {
                unsupported.add("a distribution point without a name (CRL found via cRLIssuer only)");
            } else if (name.getType() != DistributionPointName.FULL_NAME) {
                unsupported.add("a distribution point named relative to the CRL issuer");
            } else {
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    names.add(general);
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        urls.add(ASN1IA5String.getInstance(general.getName()).getString());
                    }
                }
            }
            if (point.getCRLIssuer() != null) {
                unsupported.add("an indirect CRL (cRLIssuer " + point.getCRLIssuer().getNames()[0].getName()
                        + "): refused, only CRLs signed by the issuing CA are accepted (RFC 5280 §6.3.3 (b)(1))");
            }
            if (point.getReasons() != null) {
                unsupported.add("a partitioned CRL (reasons " + point.getReasons() + "): absence from it proves nothing");
            }
            points.add(new CrlPoint(urls, names, unsupported));
        }
        return points;
    }

    static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
