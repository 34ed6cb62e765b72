package org.qtrust.adapters.xml;

import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.port.MalformedListException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The third-party trust data in ../shared (system property qtrust.shared, set by surefire;
 * else ../../shared from the module or ../shared from the project root), read in place.
 */
public final class SharedTrustData {

    /** One reader for all tests: it is stateless and thread-safe. */
    public static final Ts119612ListReader READER = new Ts119612ListReader();

    private SharedTrustData() {
    }

    public static Path root() {
        String configured = System.getProperty("qtrust.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "trust-data"))) {
            return Path.of(configured);
        }
        for (Path candidate : List.of(Path.of("../../shared"), Path.of("../shared"))) {
            if (Files.isDirectory(candidate.resolve("trust-data"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared trust data not found: set -Dqtrust.shared");
    }

    public static Path trustData(String relative) {
        return root().resolve("trust-data").resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(trustData(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ListDocument document(String relative) {
        return new ListDocument(relative, bytes(relative));
    }

    public static TrustedList read(String relative) throws MalformedListException {
        return READER.read(document(relative));
    }

    /** The XML files of a trust-data folder (not recursive), as paths relative to trust-data. */
    public static List<String> xmlFiles(String folder) {
        try (Stream<Path> files = Files.list(trustData(folder))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml"))
                    .map(p -> folder + "/" + p.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base64 DER body of a PEM certificate in trust-data/certs. */
    public static String certificateBase64(String pemFile) {
        String pem = new String(bytes("certs/" + pemFile), java.nio.charset.StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
        Base64.getDecoder().decode(body); // fail early if the fixture is not what it claims
        return body;
    }
}
