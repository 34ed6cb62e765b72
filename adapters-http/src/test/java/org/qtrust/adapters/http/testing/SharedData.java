package org.qtrust.adapters.http.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.qtrust.core.trustedlist.ServiceCertificate;

/** The third-party data in ../shared, read in place (never copied into the repository). */
public final class SharedData {

    public static final String LOTL_URL = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";
    public static final String OJ_URL = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv:OJ.C_.2019.276.01.0001.01.ENG";

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

    public static Path snapshot() {
        return trustData("lotl-snapshot");
    }

    public static byte[] read(String relative) {
        try {
            return Files.readAllBytes(trustData(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The eight Official Journal certificates (OJ C 276, 2019) from the shared keystore. */
    public static List<ServiceCertificate> officialJournalCertificates() {
        try (InputStream in = Files.newInputStream(trustData("oj-keystore/keystore.p12"))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "dss-password".toCharArray());
            List<ServiceCertificate> certificates = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                certificates.add(ServiceCertificate.of((X509Certificate) store.getCertificate(alias)));
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
