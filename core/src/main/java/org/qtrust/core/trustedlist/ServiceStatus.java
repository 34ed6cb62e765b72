package org.qtrust.core.trustedlist;

import java.util.Arrays;
import java.util.Objects;

/**
 * A service's status URI as the list states it, and what it means. Unknown URIs stay
 * {@link Kind#UNKNOWN}: they are never silently read as some other status.
 */
public record ServiceStatus(String uri, Kind kind) {

    private static final String V2 = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/";
    private static final String V1 = "http://uri.etsi.org/TrstSvc/eSigDir-1999-93-EC-TrustedList/Svcstatus/";

    /** Statuses of TS 119 612 v2 (from 2016-07-01) and of v1 (before), plus UNKNOWN. */
    public enum Kind {
        GRANTED(V2 + "granted", true),
        WITHDRAWN(V2 + "withdrawn", true),
        RECOGNISED_AT_NATIONAL_LEVEL(V2 + "recognisedatnationallevel", true),
        DEPRECATED_AT_NATIONAL_LEVEL(V2 + "deprecatedatnationallevel", true),
        UNDER_SUPERVISION(V1 + "undersupervision", false),
        SUPERVISION_IN_CESSATION(V1 + "supervisionincessation", false),
        SUPERVISION_CEASED(V1 + "supervisionceased", false),
        SUPERVISION_REVOKED(V1 + "supervisionrevoked", false),
        ACCREDITED(V1 + "accredited", false),
        ACCREDITATION_CEASED(V1 + "accreditationceased", false),
        ACCREDITATION_REVOKED(V1 + "accreditationrevoked", false),
        SET_BY_NATIONAL_LAW(V1 + "setbynationallaw", false),
        DEPRECATED_BY_NATIONAL_LAW(V1 + "deprecatedbynationallaw", false),
        UNKNOWN("", false);

        private final String uri;
        private final boolean eidasEra;

        Kind(String uri, boolean eidasEra) {
            this.uri = uri;
            this.eidasEra = eidasEra;
        }

        public String uri() {
            return uri;
        }

        /** True for the TS 119 612 v2 statuses used under eIDAS (from 2016-07-01). */
        public boolean isEidasEra() {
            return eidasEra;
        }

        /**
         * The pre-eIDAS statuses as TS 119 612 v1 spells them ({@code .../TrustedList/Svcstatus/accredited}),
         * which the EU lists keep in their histories beside the TS 102 231 spelling; both mean this kind.
         */
        String tsl2Spelling() {
            return V2 + shortName();
        }

        /** The last segment of the URI ("granted", "undersupervision"…), or "unknown". */
        public String shortName() {
            return this == UNKNOWN ? "unknown" : uri.substring(uri.lastIndexOf('/') + 1);
        }
    }

    public ServiceStatus {
        Objects.requireNonNull(uri);
        Objects.requireNonNull(kind);
    }

    public static ServiceStatus of(String uri) {
        String trimmed = uri == null ? "" : uri.trim();
        Kind kind = Arrays.stream(Kind.values())
                .filter(k -> k != Kind.UNKNOWN && (k.uri.equals(trimmed) || k.tsl2Spelling().equals(trimmed)))
                .findFirst()
                .orElse(Kind.UNKNOWN);
        return new ServiceStatus(trimmed, kind);
    }

    public static ServiceStatus of(Kind kind) {
        return new ServiceStatus(kind.uri(), kind);
    }

    public String shortName() {
        return kind == Kind.UNKNOWN ? "unknown(" + uri + ")" : kind.shortName();
    }

    @Override
    public String toString() {
        return shortName();
    }
}
