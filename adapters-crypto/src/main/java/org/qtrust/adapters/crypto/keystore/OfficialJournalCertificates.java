package org.qtrust.adapters.crypto.keystore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.qtrust.core.trustedlist.ServiceCertificate;

/**
 * Loads the certificates the Official Journal announces as LOTL signers (the trust anchors of
 * the whole EU trusted-list system) from a keystore or from a folder of certificate files.
 * They are configuration: the OJ replaces them from time to time.
 */
public final class OfficialJournalCertificates {

    private static final Set<String> CERTIFICATE_EXTENSIONS = Set.of(".pem", ".crt", ".cer", ".der");

    private OfficialJournalCertificates() {
    }

    /**
     * Every trusted-certificate entry and the certificate of every key entry of a PKCS#12 or JKS
     * keystore (the type is detected from the content), in alias order, without duplicates.
     */
    public static List<ServiceCertificate> fromKeyStore(Path file, char[] password) throws CertificateSourceException {
        if (!Files.isRegularFile(file)) {
            throw new CertificateSourceException("keystore " + file + " does not exist or is not a file");
        }
        KeyStore keyStore;
        try {
            keyStore = KeyStore.getInstance(file.toFile(), password == null ? new char[0] : password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || mentionsPassword(e)) {
                throw new KeystorePasswordException("keystore " + file + ": wrong password", e);
            }
            throw new CertificateSourceException("keystore " + file + " cannot be read: " + oneLine(e), e);
        } catch (KeyStoreException e) {
            throw new CertificateSourceException("keystore " + file + " is neither PKCS#12 nor JKS", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CertificateSourceException("keystore " + file + " cannot be read: " + oneLine(e), e);
        }
        Set<ServiceCertificate> certificates = new LinkedHashSet<>();
        try {
            List<String> aliases = Collections.list(keyStore.aliases());
            Collections.sort(aliases);
            for (String alias : aliases) {
                if (keyStore.isCertificateEntry(alias) || keyStore.isKeyEntry(alias)) {
                    Certificate certificate = keyStore.getCertificate(alias);
                    if (certificate instanceof X509Certificate x509) {
                        certificates.add(ServiceCertificate.of(x509));
                    }
                }
            }
        } catch (KeyStoreException e) {
            throw new CertificateSourceException("keystore " + file + " cannot be listed: " + oneLine(e), e);
        }
        if (certificates.isEmpty()) {
            throw new CertificateSourceException("keystore " + file + " holds no X.509 certificate");
        }
        return List.copyOf(certificates);
    }

    /**
     * Every certificate in the .pem, .crt, .cer and .der files of a folder (PEM or DER, several
     * per PEM file allowed), in file-name order, without duplicates. Other files are ignored; a
     * certificate file that does not parse is an error, not silently skipped.
     */
    public static List<ServiceCertificate> fromDirectory(Path directory) throws CertificateSourceException {
        if (!Files.isDirectory(directory)) {
            throw new CertificateSourceException("certificate folder " + directory + " does not exist or is not a folder");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile).filter(OfficialJournalCertificates::isCertificateFile).sorted().toList();
        } catch (IOException e) {
            throw new CertificateSourceException("certificate folder " + directory + " cannot be listed: " + oneLine(e), e);
        }
        Set<ServiceCertificate> certificates = new LinkedHashSet<>();
        for (Path file : files) {
            certificates.addAll(readCertificateFile(file));
        }
        if (certificates.isEmpty()) {
            throw new CertificateSourceException("certificate folder " + directory + " holds no .pem, .crt, .cer or .der certificate");
        }
        return List.copyOf(certificates);
    }

    /**
     * Every certificate of the files and folders given (a folder as {@link #fromDirectory}, a file
     * as PEM with one or more certificates, or DER), without duplicates: the form in which other
     * configured signers (e.g. of lists of trusted entities) are given too.
     */
    public static List<ServiceCertificate> fromFilesOrFolders(List<Path> paths) throws CertificateSourceException {
        Set<ServiceCertificate> certificates = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                certificates.addAll(fromDirectory(path));
            } else if (Files.isRegularFile(path)) {
                certificates.addAll(readCertificateFile(path));
            } else {
                throw new CertificateSourceException("certificate file " + path + " does not exist");
            }
        }
        if (certificates.isEmpty()) {
            throw new CertificateSourceException("no certificate given");
        }
        return List.copyOf(certificates);
    }

    private static List<ServiceCertificate> readCertificateFile(Path file) throws CertificateSourceException {
        try (InputStream in = Files.newInputStream(file)) {
            List<ServiceCertificate> read = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (certificate instanceof X509Certificate x509) {
                    read.add(ServiceCertificate.of(x509));
                }
            }
            if (read.isEmpty()) {
                throw new CertificateSourceException("certificate file " + file + " holds no certificate");
            }
            return read;
        } catch (IOException e) {
            throw new CertificateSourceException("certificate file " + file + " cannot be read: " + oneLine(e), e);
        } catch (CertificateException e) {
            throw new CertificateSourceException("certificate file " + file + " is not a PEM or DER certificate", e);
        }
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return CERTIFICATE_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static boolean mentionsPassword(Exception e) {
        String message = e.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("password");
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
