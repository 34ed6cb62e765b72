package org.qtrust.core.trustedlist.refresh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.qtrust.core.trustedlist.ListLocation;

/**
 * The documents that make one verified snapshot of the trusted lists (and lists of trusted
 * entities), as a shared store publishes it for several replicas: each entry names a location
 * and the SHA-256 of the exact bytes that were verified. The snapshot's id is the SHA-256 of
 * the manifest's canonical text, so two replicas that answer from the same id answer from the
 * same bytes. A manifest is a pointer, never a trust anchor: every replica verifies each
 * document it names as it verifies a download.
 *
 * @param entries     one per document, sorted by kind then key
 * @param publishedAt when the refresh that made it published it (informative)
 */
public record SnapshotManifest(List<Entry> entries, Instant publishedAt) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SnapshotManifest {
        Objects.requireNonNull(publishedAt);
        entries = entries.stream().sorted(Comparator.comparing(Entry::kind).thenComparing(Entry::key)).toList();
        if (entries.stream().map(e -> e.kind() + " " + e.key()).distinct().count() != entries.size()) {
            throw new IllegalArgumentException("a snapshot names each document once");
        }
    }

    /** What a document is: a trusted list (LOTL, pivot, territory list) or a list of trusted entities. */
    public enum Kind { LIST, LOTE }

    /**
     * @param kind     a trusted list or a list of trusted entities
     * @param key      a trusted list's cache name ({@code EU.xml}, {@code AT.xml}, a pivot's file name) or a LoTE's location
     * @param location where it is published (the LOTL's or pointer's URL, the configured LoTE location)
     * @param role     a trusted list's role; {@code null} for a LoTE
     * @param territory a trusted list's territory; empty for a LoTE
     * @param sha256   the verified bytes' SHA-256, lower-case hex
     */
    public record Entry(Kind kind, String key, String location, ListLocation.Role role, String territory, String sha256) {
        public Entry {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(key);
            Objects.requireNonNull(location);
            Objects.requireNonNull(territory);
            Objects.requireNonNull(sha256);
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("not a SHA-256: " + sha256);
            }
            if ((kind == Kind.LIST) != (role != null)) {
                throw new IllegalArgumentException("a trusted list has a role, a LoTE has none");
            }
            for (String text : List.of(key, location, territory)) {
                if (text.indexOf('\n') >= 0 || text.indexOf('\t') >= 0) {
                    throw new IllegalArgumentException("no tab or line break in a manifest entry");
                }
            }
        }

        public static Entry list(String key, ListLocation location, String sha256) {
            return new Entry(Kind.LIST, key, location.url(), location.role(), location.territory(), sha256);
        }

        public static Entry lote(String location, String sha256) {
            return new Entry(Kind.LOTE, location, location, null, "", sha256);
        }

        /** The location as a trusted-list location; only for {@link Kind#LIST}. */
        public ListLocation listLocation() {
            if (kind != Kind.LIST) {
                throw new IllegalStateException("a LoTE has no trusted-list location");
            }
            return new ListLocation(location, role, territory);
        }
    }

    /** One line per entry, tab-separated: {@code kind key location role territory sha256}; the id is its digest. */
    public String canonicalText() {
        StringBuilder text = new StringBuilder("qtrust-snapshot-manifest 1\n");
        for (Entry entry : entries) {
            text.append(entry.kind()).append('\t').append(entry.key()).append('\t').append(entry.location()).append('\t')
                    .append(entry.role() == null ? "-" : entry.role().name()).append('\t').append(entry.territory())
                    .append('\t').append(entry.sha256()).append('\n');
        }
        return text.toString();
    }

    /** The snapshot's id: SHA-256 of {@link #canonicalText()}, lower-case hex (the publication time is not part of it). */
    public String id() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalText().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Reads {@link #canonicalText()} back; refuses anything else. */
    public static SnapshotManifest parse(String text, Instant publishedAt) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !lines[0].equals("qtrust-snapshot-manifest 1") || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("not a snapshot manifest");
        }
        List<Entry> entries = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String[] fields = lines[i].split("\t", -1);
            if (fields.length != 6) {
                throw new IllegalArgumentException("manifest line " + i + " has " + fields.length + " fields");
            }
            Kind kind = Kind.valueOf(fields[0]);
            ListLocation.Role role = fields[3].equals("-") ? null : ListLocation.Role.valueOf(fields[3]);
            entries.add(new Entry(kind, fields[1], fields[2], role, fields[4], fields[5]));
        }
        return new SnapshotManifest(entries, publishedAt);
    }
}
