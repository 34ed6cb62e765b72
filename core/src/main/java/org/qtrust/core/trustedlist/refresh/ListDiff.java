package org.qtrust.core.trustedlist.refresh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.refresh.ListChanges.PointerChange;
import org.qtrust.core.trustedlist.refresh.ListChanges.ServiceChange;

/**
 * Compares two copies of a list. A service is identified by its type and its digital
 * identity (certificates, else key identifiers, else subject names, else its name), never by
 * its position; a LOTL pointer by its territory, list type and format (XML or PDF).
 */
public final class ListDiff {

    private ListDiff() {
    }

    public static ListChanges between(TrustedList before, TrustedList after) {
        return new ListChanges(before.scheme().sequenceNumber(), after.scheme().sequenceNumber(),
                services(before, after), pointers(before, after));
    }

    private static List<ServiceChange> services(TrustedList before, TrustedList after) {
        Map<String, Listed> old = index(before);
        Map<String, Listed> now = index(after);
        List<ServiceChange> changes = new ArrayList<>();
        for (Map.Entry<String, Listed> entry : now.entrySet()) {
            Listed current = entry.getValue();
            Listed previous = old.get(entry.getKey());
            if (previous == null) {
                changes.add(change(ServiceChange.Kind.ADDED, current, Optional.empty()));
            } else if (!previous.service().currentStatus().equals(current.service().currentStatus())) {
                changes.add(change(ServiceChange.Kind.STATUS_CHANGED, current, Optional.of(previous.service())));
            }
        }
        for (Map.Entry<String, Listed> entry : old.entrySet()) {
            if (!now.containsKey(entry.getKey())) {
                Listed removed = entry.getValue();
                changes.add(new ServiceChange(ServiceChange.Kind.REMOVED, removed.provider(),
                        removed.service().name().preferred(), removed.service().type(),
                        Optional.of(removed.service().currentStatus()), Optional.empty(), Optional.empty()));
            }
        }
        return changes;
    }

    private static ServiceChange change(ServiceChange.Kind kind, Listed current, Optional<TrustedService> previous) {
        TrustedService service = current.service();
        return new ServiceChange(kind, current.provider(), service.name().preferred(), service.type(),
                previous.map(TrustedService::currentStatus), Optional.of(service.currentStatus()),
                Optional.of(service.history().current().start()));
    }

    private record Listed(String provider, TrustedService service) {
    }

    private static Map<String, Listed> index(TrustedList list) {
        Map<String, Listed> byKey = new LinkedHashMap<>();
        for (TrustServiceProvider provider : list.providers()) {
            for (TrustedService service : provider.services()) {
                String key = service.type() + "|" + identityKey(service);
                String unique = key;
                for (int n = 2; byKey.containsKey(unique); n++) {
                    unique = key + "#" + n;
                }
                byKey.put(unique, new Listed(provider.name().preferred(), service));
            }
        }
        return byKey;
    }

    private static String identityKey(TrustedService service) {
        DigitalIdentity identity = service.identity();
        if (!identity.certificates().isEmpty()) {
            return identity.certificates().stream().map(ServiceCertificate::sha256Hex).sorted()
                    .collect(Collectors.joining(","));
        }
        if (!identity.subjectKeyIdentifiers().isEmpty()) {
            return identity.subjectKeyIdentifiers().stream().map(HexFormat.of()::formatHex).sorted()
                    .collect(Collectors.joining(","));
        }
        if (!identity.subjectNames().isEmpty()) {
            return identity.subjectNames().stream().sorted().collect(Collectors.joining(","));
        }
        return "name:" + service.name().preferred();
    }

    private static List<PointerChange> pointers(TrustedList before, TrustedList after) {
        Map<String, ListPointer> old = pointerIndex(before);
        Map<String, ListPointer> now = pointerIndex(after);
        List<PointerChange> changes = new ArrayList<>();
        for (Map.Entry<String, ListPointer> entry : now.entrySet()) {
            ListPointer current = entry.getValue();
            ListPointer previous = old.get(entry.getKey());
            if (previous == null) {
                changes.add(new PointerChange(PointerChange.Kind.ADDED, current.territory(), current.location(),
                        current.signingCertificates().size(), 0));
                continue;
            }
            if (!previous.location().equals(current.location())) {
                changes.add(new PointerChange(PointerChange.Kind.LOCATION_CHANGED, current.territory(),
                        current.location(), 0, 0));
            }
            Set<ServiceCertificate> was = new HashSet<>(previous.signingCertificates());
            Set<ServiceCertificate> is = new HashSet<>(current.signingCertificates());
            int added = (int) is.stream().filter(c -> !was.contains(c)).count();
            int removed = (int) was.stream().filter(c -> !is.contains(c)).count();
            if (added > 0 || removed > 0) {
                changes.add(new PointerChange(PointerChange.Kind.SIGNERS_CHANGED, current.territory(),
                        current.location(), added, removed));
            }
        }
        for (Map.Entry<String, ListPointer> entry : old.entrySet()) {
            if (!now.containsKey(entry.getKey())) {
                ListPointer removed = entry.getValue();
                changes.add(new PointerChange(PointerChange.Kind.REMOVED, removed.territory(), removed.location(), 0,
                        removed.signingCertificates().size()));
            }
        }
        return changes;
    }

    private static Map<String, ListPointer> pointerIndex(TrustedList list) {
        Map<String, ListPointer> byKey = new LinkedHashMap<>();
        for (ListPointer pointer : list.scheme().pointers()) {
            String key = pointer.territory().toUpperCase(Locale.ROOT) + "|" + pointer.tslType() + "|"
                    + (pointer.isXml() ? "xml" : "other");
            byKey.putIfAbsent(key, pointer);
        }
        return byKey;
    }
}
