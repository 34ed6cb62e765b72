package org.qtrust.core.trustedlist.mra;

import java.util.Objects;

/**
 * How a status period of a third country's list was translated under a mutual recognition
 * agreement: what the list said, and the equivalence that gave the EU values the period now holds.
 *
 * @param territory       the pointed scheme's territory (as the LOTL pointer names it)
 * @param legalIdentifier the equivalence's TrustServiceLegalIdentifier
 * @param listedType      the service type the third country's list gives
 * @param listedStatus    the status URI the third country's list gives
 * @param mapping         the equivalence in force for the period; its certificate content equivalences apply to the
 *                        certificates the service issued
 */
public record Recognition(String territory, String legalIdentifier, String listedType, String listedStatus,
                          EquivalenceMapping mapping) {

    public Recognition {
        Objects.requireNonNull(territory);
        Objects.requireNonNull(legalIdentifier);
        Objects.requireNonNull(listedType);
        Objects.requireNonNull(listedStatus);
        Objects.requireNonNull(mapping);
    }
}
