package org.qtrust.core.certificate.index;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.SubjectPublicKey;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.certificate.port.MalformedCertificateException;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureStatus;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/**
 * The keys of a loaded snapshot, indexed so that finding the service that issued a
 * certificate is a few hash lookups, not a scan of every service.
 *
 * <p>Every key of every service's digital identity — the current one and those of its history
 * (key rollovers) — is indexed by its SubjectPublicKeyInfo (SHA-256), by key identifier (the
 * identity certificate's SubjectKeyIdentifier and the identifier computed from the key) and by
 * the identity certificate's subject name. Identifiers and names only find <em>candidates</em>:
 * a certificate is issued by a listed key only when its signature verifies with that key
 * (TS 119 612 §5.5.3; names never suffice). Built once per snapshot; immutable and thread-safe.
 */
public final class TrustedServiceIndex {

    private final Map<String, ListedKey> byKeyId;
    private final Map<ByteBuffer, List<ListedKey>> byKeyIdentifier;
    private final Map<String, List<ListedKey>> bySubject;
    private final Map<ByteBuffer, List<ListedService>> bareKeyIdentifiers;
    private final Map<String, ListedCertificate> listedCertificates;
    private final List<String> notes;
    private final int serviceCount;
    private final Optional<java.time.Instant> listsJudgedAt;

    private TrustedServiceIndex(Map<String, ListedKey> byKeyId, Map<ByteBuffer, List<ListedKey>> byKeyIdentifier,
                                Map<String, List<ListedKey>> bySubject, Map<ByteBuffer, List<ListedService>> bareKeyIdentifiers,
                                Map<String, ListedCertificate> listedCertificates, List<String> notes, int serviceCount,
                                Optional<java.time.Instant> listsJudgedAt) {
        this.byKeyId = byKeyId;
        this.byKeyIdentifier = byKeyIdentifier;
        this.bySubject = bySubject;
        this.bareKeyIdentifiers = bareKeyIdentifiers;
        this.listedCertificates = listedCertificates;
        this.notes = List.copyOf(notes);
        this.serviceCount = serviceCount;
        this.listsJudgedAt = listsJudgedAt;
    }

    /**
     * Indexes every list of a load report that could be read: accepted lists as such, lists
     * refused only for being past NextUpdate (with a valid signature) as stale, any other as
     * rejected (kept so that a verdict can name the territory and say why it is not trusted).
     */
    public static TrustedServiceIndex fromReport(TrustedListsReport report, List<PlainTrustAnchor> anchors,
                                                 CertificateInspector inspector) {
        boolean lotlAccepted = report.listOfLists().accepted();
        List<ListSource> sources = new ArrayList<>();
        for (ListVerdict verdict : report.lists()) {
            if (verdict.list().isEmpty()) {
                continue;
            }
            TrustedList list = verdict.list().get();
            if (!lotlAccepted) {
                sources.add(new ListSource(list, ListedService.Standing.REJECTED_LIST,
                        Optional.of(ListRejection.LIST_OF_LISTS_NOT_TRUSTED.code())));
            } else if (verdict.accepted()) {
                sources.add(ListSource.accepted(list));
            } else {
                ListRejection rejection = verdict.rejection().orElseThrow();
                boolean signed = verdict.signature().map(s -> s.status() == SignatureStatus.VALID).orElse(false);
                ListedService.Standing standing = rejection == ListRejection.EXPIRED && signed
                        ? ListedService.Standing.STALE_LIST : ListedService.Standing.REJECTED_LIST;
                sources.add(new ListSource(list, standing, Optional.of(rejection.code())));
            }
        }
        return new Builder(inspector).add(sources, anchors).build(Optional.of(report.validationTime()));
    }

    /** Indexes the given lists and plain anchors. */
    public static TrustedServiceIndex build(List<ListSource> lists, List<PlainTrustAnchor> anchors, CertificateInspector inspector) {
        return new Builder(inspector).add(lists, anchors).build(Optional.empty());
    }

    /**
     * The instant the lists were judged at (issue and NextUpdate): the validation time, or — for
     * a validation time that precedes the lists in hand — the time they are used
     * ({@link org.qtrust.core.trustedlist.loading.ListsJudgement}). Empty when the index was built
     * from lists given directly (no load report) or from plain anchors only.
     */
    public Optional<java.time.Instant> listsJudgedAt() {
        return listsJudgedAt;
    }

    /** The services holding exactly this key, or empty. */
    public Optional<ListedKey> byKey(SubjectPublicKey key) {
        ListedKey listed = byKeyId.get(key.id());
        return listed != null && listed.key().sameKeyAs(key) ? Optional.of(listed) : Optional.empty();
    }

    /**
     * The listed identity certificate this certificate is, byte for byte, with the services
     * that list it; empty when it is not one (even if it carries a listed key: a listed key is
     * not a signature, TS 119 612 §5.5.3 identifies the service by its certificate or key, and a
     * certificate is vouched for only by the signature of its issuer, RFC 5280 §6.1.3 (a)(1)).
     */
    public Optional<ListedCertificate> listedCertificate(CertificateFacts certificate) {
        ListedCertificate listed = listedCertificates.get(certificate.sha256());
        return listed != null && java.util.Arrays.equals(listed.certificate().der(), certificate.der())
                ? Optional.of(listed) : Optional.empty();
    }

    /**
     * Listed keys that might have signed this certificate: those whose key identifier equals its
     * AuthorityKeyIdentifier, then those whose certificate's subject is its issuer name. Only
     * candidates: the caller verifies the signature.
     */
    public List<ListedKey> issuerCandidates(CertificateFacts certificate) {
        Set<ListedKey> found = new LinkedHashSet<>(2);
        certificate.authorityKeyIdentifier().ifPresent(aki -> {
            List<ListedKey> keys = byKeyIdentifier.get(ByteBuffer.wrap(aki));
            if (keys != null) {
                found.addAll(keys);
            }
        });
        List<ListedKey> named = bySubject.get(certificate.issuerKey());
        if (named != null) {
            found.addAll(named);
        }
        return found.isEmpty() ? List.of() : List.copyOf(found);
    }

    /**
     * Services whose digital identity gives only an X509SKI (no certificate, no key value) equal
     * to this key's computed identifier (RFC 5280 §4.2.1.2 method 1). A certificate presented
     * as part of a chain that carries such a key can then anchor the path: the identifier is
     * computed from its key, not copied from its SubjectKeyIdentifier extension.
     */
    public List<ListedService> servicesByBareKeyIdentifier(SubjectPublicKey key) {
        List<ListedService> services = bareKeyIdentifiers.get(ByteBuffer.wrap(key.keyIdentifier()));
        return services == null ? List.of() : services;
    }

    /** Problems met while indexing (unreadable identity certificates), readable by a person. */
    public List<String> notes() {
        return notes;
    }

    /** Number of distinct keys indexed. */
    public int keyCount() {
        return byKeyId.size();
    }

    /** Number of services (and plain anchors) indexed. */
    public int serviceCount() {
        return serviceCount;
    }

    private static final class Builder {
        private final CertificateInspector inspector;
        private final Map<String, SubjectPublicKey> keys = new LinkedHashMap<>();
        private final Map<String, CertificateFacts> certificates = new HashMap<>();
        private final Map<String, List<ListedService>> services = new HashMap<>();
        private final Map<ByteBuffer, Set<String>> identifiers = new HashMap<>();
        private final Map<String, Set<String>> subjects = new HashMap<>();
        private final Map<ByteBuffer, List<ListedService>> bare = new HashMap<>();
        private final Map<String, CertificateFacts> listedFacts = new HashMap<>();
        private final Map<String, Set<ListedService>> listedBy = new HashMap<>();
        private final List<String> notes = new ArrayList<>();
        private int order;
        private int serviceCount;

        Builder(CertificateInspector inspector) {
            this.inspector = inspector;
        }

        Builder add(List<ListSource> lists, List<PlainTrustAnchor> anchors) {
            for (PlainTrustAnchor anchor : anchors) {
                addAnchor(anchor);
            }
            for (ListSource source : lists) {
                addList(source);
            }
            return this;
        }

        void addAnchor(PlainTrustAnchor anchor) {
            ListedService service = new ListedService(ListedService.Standing.PLAIN_ANCHOR, anchor.jurisdiction(), anchor.name(),
                    Optional.empty(), Optional.of(anchor), Optional.empty(), order++);
            serviceCount++;
            addCertificate(anchor.certificate(), service, "plain trust anchor " + anchor.name());
        }

        void addList(ListSource source) {
            TrustedList list = source.list();
            for (TrustServiceProvider provider : list.providers()) {
                String providerName = provider.name().preferred();
                for (TrustedService trusted : provider.services()) {
                    ListedService service = new ListedService(source.standing(), list.territory(), providerName,
                            Optional.of(trusted), Optional.empty(), source.rejection(), order++);
                    serviceCount++;
                    String where = list.territory() + " / " + providerName + " / " + trusted.name().preferred();
                    Set<String> seen = new LinkedHashSet<>();
                    addIdentity(trusted.identity(), service, where, seen);
                    for (DigitalIdentity historic : trusted.historicIdentities()) {
                        addIdentity(historic, service, where, seen);
                    }
                }
            }
        }

        private void addIdentity(DigitalIdentity identity, ListedService service, String where, Set<String> seen) {
            boolean keyMaterial = false;
            for (ServiceCertificate certificate : identity.certificates()) {
                keyMaterial |= addCertificate(certificate, service, where, seen);
            }
            for (byte[] keyValue : identity.keyValues()) {
                try {
                    SubjectPublicKey key = inspector.publicKey(keyValue);
                    if (seen.add(key.id())) {
                        addKey(key, Optional.empty(), service);
                    }
                    keyMaterial = true;
                } catch (MalformedCertificateException e) {
                    notes.add(where + ": KeyValue not readable (" + e.getMessage() + ")");
                }
            }
            if (!keyMaterial) {
                for (byte[] ski : identity.subjectKeyIdentifiers()) {
                    bare.computeIfAbsent(ByteBuffer.wrap(ski.clone()), k -> new ArrayList<>()).add(service);
                }
            }
        }

        private boolean addCertificate(ServiceCertificate certificate, ListedService service, String where) {
            return addCertificate(certificate, service, where, new LinkedHashSet<>());
        }

        private boolean addCertificate(ServiceCertificate certificate, ListedService service, String where, Set<String> seen) {
            try {
                CertificateFacts facts = inspector.inspect(certificate.der());
                SubjectPublicKey key = facts.publicKey();
                listedFacts.putIfAbsent(facts.sha256(), facts);
                listedBy.computeIfAbsent(facts.sha256(), k -> new LinkedHashSet<>()).add(service);
                if (seen.add(key.id())) {
                    addKey(key, Optional.of(facts), service);
                } else {
                    certificates.putIfAbsent(key.id(), facts);
                    register(key, facts);
                }
                return true;
            } catch (MalformedCertificateException e) {
                notes.add(where + ": identity certificate not readable (" + e.getMessage() + ")");
                return false;
            }
        }

        private void addKey(SubjectPublicKey key, Optional<CertificateFacts> certificate, ListedService service) {
            keys.putIfAbsent(key.id(), key);
            services.computeIfAbsent(key.id(), k -> new ArrayList<>()).add(service);
            identifiers.computeIfAbsent(ByteBuffer.wrap(key.keyIdentifier()), k -> new LinkedHashSet<>()).add(key.id());
            certificate.ifPresent(facts -> {
                certificates.putIfAbsent(key.id(), facts);
                register(key, facts);
            });
        }

        /** The identity certificate's own SKI and subject also find the key (candidates only). */
        private void register(SubjectPublicKey key, CertificateFacts facts) {
            facts.subjectKeyIdentifier().ifPresent(ski ->
                    identifiers.computeIfAbsent(ByteBuffer.wrap(ski), k -> new LinkedHashSet<>()).add(key.id()));
            subjects.computeIfAbsent(facts.subjectKey(), k -> new LinkedHashSet<>()).add(key.id());
        }

        TrustedServiceIndex build(Optional<java.time.Instant> listsJudgedAt) {
            Map<String, ListedKey> byKeyId = new HashMap<>(keys.size() * 2);
            for (Map.Entry<String, SubjectPublicKey> entry : keys.entrySet()) {
                byKeyId.put(entry.getKey(), new ListedKey(entry.getValue(),
                        Optional.ofNullable(certificates.get(entry.getKey())), services.get(entry.getKey())));
            }
            Map<ByteBuffer, List<ListedKey>> byIdentifier = new HashMap<>(identifiers.size() * 2);
            identifiers.forEach((id, keyIds) -> byIdentifier.put(id, keyIds.stream().map(byKeyId::get).toList()));
            Map<String, List<ListedKey>> bySubject = new HashMap<>(subjects.size() * 2);
            subjects.forEach((name, keyIds) -> bySubject.put(name, keyIds.stream().map(byKeyId::get).toList()));
            Map<ByteBuffer, List<ListedService>> bareIds = new HashMap<>();
            bare.forEach((id, list) -> bareIds.put(id, List.copyOf(list)));
            Map<String, ListedCertificate> listed = new HashMap<>(listedFacts.size() * 2);
            listedFacts.forEach((sha, facts) -> listed.put(sha, new ListedCertificate(facts,
                    byKeyId.get(facts.publicKey().id()), List.copyOf(listedBy.get(sha)))));
            return new TrustedServiceIndex(Collections.unmodifiableMap(byKeyId), Collections.unmodifiableMap(byIdentifier),
                    Collections.unmodifiableMap(bySubject), Collections.unmodifiableMap(bareIds), Collections.unmodifiableMap(listed),
                    notes, serviceCount, listsJudgedAt);
        }
    }
}
