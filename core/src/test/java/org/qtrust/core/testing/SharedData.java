package org.qtrust.core.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.qtrust.core.trustedlist.ServiceCertificate;

/** The third-party data in ../shared, read in place (never copied into the repository). */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("qtrust.shared");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path candidate : List.of(Path.of("../shared"), Path.of("../../shared"))) {
            if (Files.isDirectory(candidate.resolve("trust-data"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared not found: set -Dqtrust.shared");
    }

    public static Path trustData(String relative) {
        return root().resolve("trust-data").resolve(relative);
    }

    /** Real certificates, usable as distinct signer identities in domain tests. */
    public static List<ServiceCertificate> officialJournalCertificates() {
        try (Stream<Path> files = Files.list(trustData("oj-keystore"))) {
            return files.filter(f -> f.toString().endsWith(".pem")).sorted().map(SharedData::readPem).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServiceCertificate readPem(Path file) {
        try {
            byte[] pem = Files.readAllBytes(file);
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
            return ServiceCertificate.of(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
