package org.qtrust.adapters.redis;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import org.qtrust.core.trustedlist.ListDocument;

/**
 * The key layout, every key under the configured prefix (shown for {@code qtrust:}):
 * <ul>
 *   <li>{@code qtrust:doc:<sha256>} — a document's bytes exactly as verified (content-addressed,
 *       so {@code redis-cli GET} shows the XML or JSON). Expires 7 days after it was last stored
 *       unless the current snapshot names it.</li>
 *   <li>{@code qtrust:list:<name>} — a hash: the metadata of the stored copy of a trusted list
 *       ({@code EU.xml}, {@code AT.xml}, a pivot's file name) and the {@code sha256} of its document.</li>
 *   <li>{@code qtrust:lote:<sha256 of location>} — the same for a list of trusted entities.</li>
 *   <li>{@code qtrust:floor:list:<name>}, {@code qtrust:floor:lote:<hash>} — the highest sequence
 *       number ever stored for that list: the rollback floor.</li>
 *   <li>{@code qtrust:snapshot:current} — a hash: {@code id}, {@code manifest}, {@code publishedAt},
 *       {@code fence} of the current snapshot; {@code qtrust:snapshots} the pub/sub channel that
 *       announces a new id.</li>
 *   <li>{@code qtrust:lease} (holder token) and {@code qtrust:lease:fence} (the fencing counter).</li>
 *   <li>{@code qtrust:evidence:ocsp:<sha256 of key>}, {@code qtrust:evidence:crl:…},
 *       {@code qtrust:evidence:status_list:…} — an OCSP response, a CRL or a Status List Token as
 *       its publisher served it, expiring with the evidence's own nextUpdate or exp (the shared
 *       caches, issue 17.4).</li>
 * </ul>
 */
public final class RedisKeys {

    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = Objects.requireNonNull(prefix);
    }

    public String prefix() {
        return prefix;
    }

    public String document(String sha256) {
        return prefix + "doc:" + sha256;
    }

    public String list(String name) {
        return prefix + "list:" + name;
    }

    public String listPattern() {
        return prefix + "list:*";
    }

    public String lote(String location) {
        return prefix + "lote:" + hash(location);
    }

    public String lotePattern() {
        return prefix + "lote:*";
    }

    public String listFloor(String name) {
        return prefix + "floor:list:" + name;
    }

    public String loteFloor(String location) {
        return prefix + "floor:lote:" + hash(location);
    }

    public String currentSnapshot() {
        return prefix + "snapshot:current";
    }

    public String snapshotChannel() {
        return prefix + "snapshots";
    }

    public String lease() {
        return prefix + "lease";
    }

    public String leaseFence() {
        return prefix + "lease:fence";
    }

    /** Where a shared piece of revocation or status evidence is kept (the caller's key is hashed: fixed length, no odd characters). */
    public String evidence(String kind, String key) {
        return prefix + "evidence:" + kind + ":" + hash(key);
    }

    public String lock() {
        return prefix + "lock";
    }

    static String hash(String text) {
        return new ListDocument(text, text.getBytes(StandardCharsets.UTF_8)).sha256();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
