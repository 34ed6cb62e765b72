package org.qtrust.adapters.crypto.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/** The sandbox folder being written, and the artefacts declared so far. */
public final class SandboxOutput {

    private final Path directory;
    private final List<SandboxArtefact> artefacts = new ArrayList<>();

    SandboxOutput(Path directory) {
        this.directory = Objects.requireNonNull(directory);
    }

    public Path directory() {
        return directory;
    }

    /** Writes {@code content} at {@code relativePath}, creating folders. */
    public void write(String relativePath, byte[] content) {
        Path file = directory.resolve(relativePath).normalize();
        if (!file.startsWith(directory)) {
            throw new IllegalArgumentException(relativePath + " leaves the sandbox folder");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public void write(String relativePath, String content) {
        write(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Certificates as PEM blocks, in order (a leaf first, then the intermediates offered with it). */
    public void writePem(String relativePath, List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            pem.append(pem("CERTIFICATE", encoded(certificate)));
        }
        write(relativePath, pem.toString());
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void declare(SandboxArtefact artefact) {
        artefacts.add(Objects.requireNonNull(artefact));
    }

    List<SandboxArtefact> artefacts() {
        return List.copyOf(artefacts);
    }
}
