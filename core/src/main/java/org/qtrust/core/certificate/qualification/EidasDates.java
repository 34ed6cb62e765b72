package org.qtrust.core.certificate.qualification;

import java.time.Instant;

/** The instants at which the rules for qualified certificates changed. */
public final class EidasDates {

    /**
     * Regulation (EU) No 910/2014 applies from 1 July 2016 (Art. 52), 00:00 Brussels time =
     * 2016-06-30T22:00:00Z. Before it, Directive 1999/93/EC: TS 119 615 PRO-4.4.4-07 branches
     * the determination on this instant (for the evaluation time and the certificate's notBefore).
     */
    public static final Instant EIDAS = Instant.parse("2016-06-30T22:00:00Z");

    private EidasDates() {
    }

    public static boolean beforeEidas(Instant instant) {
        return instant.isBefore(EIDAS);
    }
}
