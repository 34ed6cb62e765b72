package org.qtrust.core.lote;

import java.util.List;
import java.util.Objects;

/** A list of trusted entities (ETSI TS 119 602) as read from its document: no trust implied. */
public record ListOfTrustedEntities(LoteScheme scheme, List<TrustedEntity> entities, Format format) {

    /** How the list was published: JSON signed as a JWS (JAdES), or XML signed with XAdES. */
    public enum Format { JSON, XML }

    public ListOfTrustedEntities {
        Objects.requireNonNull(scheme);
        entities = List.copyOf(entities);
        Objects.requireNonNull(format);
    }

    public int serviceCount() {
        return entities.stream().mapToInt(e -> e.services().size()).sum();
    }

    /** "EUPIDProvidersList EU seq 3": how traces name the list. */
    public String describe() {
        String territory = scheme.territory().isEmpty() ? "" : " " + scheme.territory();
        return LoteIdentifiers.shortType(scheme.loteType().isEmpty() ? "(no LoTEType)" : scheme.loteType())
                + territory + " seq " + scheme.sequenceNumber();
    }
}
