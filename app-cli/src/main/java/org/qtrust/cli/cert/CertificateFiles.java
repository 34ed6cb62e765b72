package org.qtrust.cli.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.qtrust.cli.UsageException;

/** Reads certificate files: PEM (one or more blocks) or DER; a directory means every certificate file in it. */
public final class CertificateFiles {

    /** One certificate file: its first certificate, and any further ones (offered as intermediates). */
    public record CertificateFile(Path path, byte[] certificate, List<byte[]> others) {
    }

    private static final Pattern PEM = Pattern.compile("-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----");
    private static final List<String> EXTENSIONS = List.of(".pem", ".crt", ".cer", ".der", ".cert");
    private static final long MAX_BYTES = 1024 * 1024;

    private CertificateFiles() {
    }

    /** Expands directories (sorted, recursively, certificate extensions only); files are kept as given. */
    public static List<Path> expand(List<Path> arguments) {
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                try (Stream<Path> walk = Files.walk(argument)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> EXTENSIONS.stream().anyMatch(e -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UsageException(argument + ": cannot list the folder (" + e.getMessage() + ")");
                }
            } else if (Files.isRegularFile(argument)) {
                files.add(argument);
            } else {
                throw new UsageException(argument + ": no such file or folder");
            }
        }
        return files;
    }

    public static CertificateFile read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException(file + ": larger than " + MAX_BYTES + " bytes, not a certificate file");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        List<byte[]> certificates = decode(bytes);
        return new CertificateFile(file, certificates.get(0), certificates.subList(1, certificates.size()));
    }

    /** Every certificate of a file (PEM blocks, or the bytes themselves as DER). */
    public static List<byte[]> decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN")) {
            return List.of(bytes);
        }
        List<byte[]> certificates = new ArrayList<>();
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            try {
                certificates.add(Base64.getMimeDecoder().decode(matcher.group(1).trim()));
            } catch (IllegalArgumentException e) {
                certificates.add(new byte[0]);
            }
        }
        return certificates.isEmpty() ? List.of(bytes) : certificates;
    }
}
