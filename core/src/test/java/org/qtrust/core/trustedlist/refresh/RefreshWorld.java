package org.qtrust.core.trustedlist.refresh;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.qtrust.core.testing.SharedData;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.SchemeInformation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.ServiceInformationExtensions;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.StatusHistory;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import org.qtrust.core.trustedlist.refresh.port.CachedList;
import org.qtrust.core.trustedlist.refresh.port.FetchResult;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;

/**
 * A publisher, a network and a cache in memory. Documents are short texts ("AT#42") naming a
 * list the world knows, with the certificate that "signed" it; the reader and verifier look
 * them up, so the refresh's decisions are exercised without XML or cryptography.
 */
final class RefreshWorld implements ListFetcher, TrustedListReader, ListSignatureVerifier {

    static final Instant AT = Instant.parse("2019-10-01T00:00:00Z");
    static final String LOTL_URL = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";
    static final List<ServiceCertificate> CERTS = SharedData.officialJournalCertificates();
    static final ServiceCertificate OJ_SIGNER = CERTS.get(0);
    static final ServiceCertificate AT_SIGNER = CERTS.get(3);
    static final ServiceCertificate BE_SIGNER = CERTS.get(4);
    static final ServiceCertificate STRANGER = CERTS.get(5);

    private final Map<String, TrustedList> lists = new ConcurrentHashMap<>();
    private final Map<String, ServiceCertificate> signers = new ConcurrentHashMap<>();
    /** What each URL serves now: a document name, or a failure. */
    private final Map<String, String> published = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final MemoryCache cache = new MemoryCache();
    Clock clock = Clock.fixed(Instant.parse("2019-10-01T12:00:00Z"), ZoneOffset.UTC);

    static String url(String territory) {
        return "https://example.org/" + territory + "-tl.xml";
    }

    static ListPointer pointer(String territory, ServiceCertificate signer) {
        return new ListPointer(url(territory), territory, TrustedList.EU_GENERIC_TYPE, "application/vnd.etsi.tsl+xml",
                List.of(signer));
    }

    /** Publishes a LOTL with that sequence number at the LOTL URL. */
    String lotl(int sequence, ServiceCertificate signer, ListPointer... pointers) {
        String name = "EU#" + sequence;
        lists.put(name, new TrustedList(new SchemeInformation(5, BigInteger.valueOf(sequence), TrustedList.EU_LOTL_TYPE,
                MultilingualText.english("European Commission"), "EU", Instant.parse("2019-09-04T08:00:00Z"),
                Optional.of(Instant.parse("2020-03-04T00:00:00Z")), List.of(), List.of(pointers)), List.of()));
        signers.put(name, signer);
        published.put(LOTL_URL, name);
        return name;
    }

    /** Publishes a national list with one service of the given status. */
    String national(String territory, int sequence, ServiceCertificate signer, String nextUpdate, String status) {
        String name = territory + "#" + sequence + "#" + status + "#" + nextUpdate;
        StatusHistory.Entry entry = new StatusHistory.Entry(ServiceStatus.of(status), Instant.parse("2019-01-01T00:00:00Z"),
                "http://uri.etsi.org/TrstSvc/Svctype/CA/QC", MultilingualText.english(territory + " CA"),
                ServiceInformationExtensions.NONE);
        TrustedService service = new TrustedService(DigitalIdentity.ofCertificates(List.of(CERTS.get(7))),
                StatusHistory.of(entry, List.of()), List.of());
        lists.put(name, new TrustedList(new SchemeInformation(5, BigInteger.valueOf(sequence),
                TrustedList.EU_GENERIC_TYPE, MultilingualText.english(territory + " operator"), territory,
                Instant.parse("2019-06-01T00:00:00Z"), Optional.of(Instant.parse(nextUpdate)), List.of(), List.of()),
                List.of(new TrustServiceProvider(MultilingualText.english(territory + " TSP"), MultilingualText.EMPTY,
                        List.of(service)))));
        signers.put(name, signer);
        published.put(url(territory), name);
        return name;
    }

    String national(String territory, int sequence, ServiceCertificate signer) {
        return national(territory, sequence, signer, "2020-02-26T00:00:00Z",
                "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted");
    }

    void serve(String url, String documentName) {
        published.put(url, documentName);
        failures.remove(url);
    }

    void serveGarbage(String url) {
        published.put(url, "garbage");
        failures.remove(url);
    }

    void fail(String url, String reason) {
        failures.put(url, reason);
    }

    void heal(String url) {
        failures.remove(url);
    }

    TrustedListRefresher refresher() {
        return new TrustedListRefresher(this, cache, this, this, Runnable::run, clock);
    }

    RefreshReport refresh() {
        try {
            return refresher().refresh(request());
        } catch (ListCacheException e) {
            throw new AssertionError(e);
        }
    }

    static LoadRequest request() {
        return new LoadRequest(ListLocation.listOfLists(LOTL_URL), List.of(OJ_SIGNER), Optional.empty(), AT,
                ListAcceptancePolicy.STRICT);
    }

    @Override
    public FetchResult fetch(ListLocation location, Validators validators) {
        requests.add(location.url() + (validators.isEmpty() ? "" : " if-none-match " + validators.etag().orElse("-")));
        String failure = failures.get(location.url());
        if (failure != null) {
            return new FetchResult.Failed(failure);
        }
        String name = published.get(location.url());
        if (name == null) {
            return new FetchResult.Failed("HTTP 404");
        }
        String etag = "\"" + name + "\"";
        if (validators.etag().filter(etag::equals).isPresent()) {
            return new FetchResult.NotModified();
        }
        return new FetchResult.Downloaded(new ListDocument(location.url(), name.getBytes(StandardCharsets.UTF_8)),
                Optional.of(etag), Optional.empty());
    }

    @Override
    public TrustedList read(ListDocument document) throws MalformedListException {
        TrustedList list = lists.get(new String(document.content(), StandardCharsets.UTF_8));
        if (list == null) {
            throw new MalformedListException(MalformedListException.Problem.NOT_WELL_FORMED, "not XML");
        }
        return list;
    }

    @Override
    public SignatureCheck verify(ListDocument document, List<ServiceCertificate> expectedSigners) {
        ServiceCertificate signer = signers.get(new String(document.content(), StandardCharsets.UTF_8));
        if (expectedSigners.contains(signer)) {
            return SignatureCheck.valid(signer, "CN=signer", "verified");
        }
        return SignatureCheck.failed(SignatureCheck.Failure.SIGNER_NOT_TRUSTED, Optional.ofNullable(signer), "CN=signer",
                "signer not among " + expectedSigners.size() + " expected");
    }

    /** Name of the cached document for a territory ("EU" for the LOTL), or null. */
    String cached(String territory) {
        ListLocation location = territory.equals("EU") ? ListLocation.listOfLists(LOTL_URL)
                : new ListLocation(url(territory), ListLocation.Role.TERRITORY_LIST, territory);
        return cache.find(location).map(c -> new String(c.document().content(), StandardCharsets.UTF_8)).orElse(null);
    }

    static final class MemoryCache implements ListCache {
        final Map<String, CachedList> stored = new LinkedHashMap<>();
        final Map<String, Integer> writes = new HashMap<>();
        boolean failWrites;

        static String key(ListLocation location) {
            return switch (location.role()) {
                case LIST_OF_LISTS -> "EU.xml";
                case TERRITORY_LIST -> location.territory() + ".xml";
                case PIVOT -> location.fileName();
            };
        }

        @Override
        public synchronized Optional<CachedList> find(ListLocation location) {
            return Optional.ofNullable(stored.get(key(location)));
        }

        @Override
        public synchronized void store(ListDocument document, CacheMetadata metadata) throws ListCacheException {
            if (failWrites) {
                throw new ListCacheException("disk full");
            }
            stored.put(key(metadata.location()), new CachedList(document, Optional.of(metadata)));
            writes.merge(key(metadata.location()), 1, Integer::sum);
        }

        @Override
        public synchronized void updateMetadata(CacheMetadata metadata) {
            CachedList old = stored.get(key(metadata.location()));
            stored.put(key(metadata.location()), new CachedList(old.document(), Optional.of(metadata)));
        }

        @Override
        public synchronized List<CacheMetadata> entries() {
            return stored.values().stream().flatMap(c -> c.metadata().stream()).toList();
        }

        @Override
        public synchronized void remove(ListLocation location) {
            stored.remove(key(location));
        }

        @Override
        public Lock lock() {
            return () -> { };
        }
    }
}
