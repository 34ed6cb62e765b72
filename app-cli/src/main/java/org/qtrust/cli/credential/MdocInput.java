package org.qtrust.cli.credential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.qtrust.cli.UsageException;
import org.qtrust.core.credential.mdoc.SessionTranscript;
import org.qtrust.core.credential.mdoc.cbor.CborLimits;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;
import org.qtrust.core.credential.mdoc.port.CborCodec;

/**
 * What {@code credential verify} needs to tell an mdoc from an SD-JWT and to build the session
 * transcript: an mdoc is CBOR (a map: its first byte 0xa0–0xbf) or base64url of it; an SD-JWT is
 * ASCII with '~' and '.', which base64url never contains.
 */
final class MdocInput {

    /** Base64url of the largest CBOR envelope, plus white space. */
    static final int MAX_BYTES = CborLimits.ENVELOPE.maxBytes() / 3 * 4 + 8;
    static final long MAX_TRANSCRIPT_BYTES = 64 * 1024;

    private MdocInput() {
    }

    /** The CBOR bytes when the input is an mdoc (raw or base64url); empty when it is not. */
    static Optional<byte[]> detect(byte[] input) {
        if (input.length > 0 && (input[0] & 0xff) >= 0xa0 && (input[0] & 0xff) <= 0xbf) {
            return Optional.of(input);
        }
        String text = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '=')) {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base64.getUrlDecoder().decode(text);
            return decoded.length > 0 && (decoded[0] & 0xff) >= 0xa0 && (decoded[0] & 0xff) <= 0xbf ? Optional.of(decoded) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code --mdoc-handover CLIENT_ID,RESPONSE_URI,NONCE[,MDOC_GENERATED_NONCE]}. */
    static SessionTranscript handover(String argument, CborCodec cbor) {
        String[] parts = argument.split(",", -1);
        if ((parts.length != 3 && parts.length != 4) || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new UsageException("--mdoc-handover " + argument + ": expected CLIENT_ID,RESPONSE_URI,NONCE"
                    + " (OpenID4VP 1.0) or CLIENT_ID,RESPONSE_URI,NONCE,MDOC_GENERATED_NONCE (ISO/IEC 18013-7)");
        }
        return parts.length == 3 ? SessionTranscript.openId4Vp(cbor, parts[0], parts[1], parts[2], Optional.empty())
                : SessionTranscript.iso18013Part7(cbor, parts[0], parts[1], parts[2], parts[3]);
    }

    /** {@code --session-transcript FILE}: the SessionTranscript's CBOR (raw, hex or base64url). */
    static SessionTranscript transcript(Path file, CborCodec cbor) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_TRANSCRIPT_BYTES) {
                throw new UsageException("--session-transcript " + file + ": no such file, or larger than " + MAX_TRANSCRIPT_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
            if (!text.isEmpty() && text.chars().allMatch(c -> Character.digit(c, 16) >= 0) && text.length() % 2 == 0) {
                bytes = java.util.HexFormat.of().parseHex(text);
            } else if (!text.isEmpty() && text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                bytes = Base64.getUrlDecoder().decode(text);
            }
            return SessionTranscript.given(cbor.decode(bytes, CborLimits.EMBEDDED));
        } catch (IOException e) {
            throw new UsageException("--session-transcript " + file + ": cannot be read (" + e.getMessage() + ")");
        } catch (MalformedCborException | IllegalArgumentException e) {
            throw new UsageException("--session-transcript " + file + ": not a CBOR SessionTranscript (" + e.getMessage() + ")");
        }
    }
}
