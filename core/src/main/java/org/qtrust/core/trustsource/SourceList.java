package org.qtrust.core.trustsource;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.TrustSourceRule;

/**
 * One list a credential issuer can be found on, with its keys indexed: a list of trusted
 * entities or an EU trusted list, accepted or not (a rejected list is kept to say so).
 *
 * @param source         LoTE or TL
 * @param listType       LoTEType or TSLType URI
 * @param territory      SchemeTerritory ("" when the list gives none)
 * @param operator       SchemeOperatorName (preferred language)
 * @param sequenceNumber LoTESequenceNumber / TSLSequenceNumber
 * @param location       where the list came from
 * @param rejection      the rejection code when the list was not accepted
 * @param index          the keys of its services
 */
public record SourceList(TrustSourceRule.Source source, String listType, String territory, String operator,
                         BigInteger sequenceNumber, String location, Optional<String> rejection,
                         TrustedServiceIndex index) {

    public SourceList {
        Objects.requireNonNull(source);
        Objects.requireNonNull(listType);
        Objects.requireNonNull(territory);
        Objects.requireNonNull(operator);
        Objects.requireNonNull(sequenceNumber);
        Objects.requireNonNull(location);
        Objects.requireNonNull(rejection);
        Objects.requireNonNull(index);
    }

    public boolean accepted() {
        return rejection.isEmpty();
    }

    public boolean matches(TrustSourceRule rule) {
        return rule.source() == source && (rule.listType().isEmpty() || rule.listType().equals(listType));
    }

    /** "LoTE EUPIDProvidersList (EU, operator X) seq 3": how verdicts name the list. */
    public String describe() {
        String type = source == TrustSourceRule.Source.LOTE ? LoteIdentifiers.shortType(listType)
                : ServiceTypes.shortName(listType).replace("http://uri.etsi.org/TrstSvc/TrustedList/TSLType/", "");
        return source.label() + " " + type + " (" + (territory.isEmpty() ? "no territory" : territory)
                + (operator.isEmpty() ? "" : ", " + operator) + ") seq " + sequenceNumber;
    }
}
