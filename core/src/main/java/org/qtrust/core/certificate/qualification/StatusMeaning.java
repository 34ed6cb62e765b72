package org.qtrust.core.certificate.qualification;

import org.qtrust.core.trustedlist.ServiceStatus;

/**
 * What a service status means in eIDAS terms. TS 119 612 v2 (lists from 2016-07-01) has four
 * statuses; the pre-eIDAS statuses of TS 119 612 v1 / TS 102 231 (Directive 1999/93/EC) each
 * correspond to one of them, which is how the Member States migrated their lists on
 * 2016-06-30 and how ETSI TS 119 615 reads a history entry before that date (v1.1.1
 * §4.4.4, PRO-4.4.4-33 f: supervision or accreditation ceased or revoked means not qualified;
 * undersupervision, supervisionincessation and accredited confirm a qualified certificate as
 * granted does). EC DSS applies the same correspondence (TrustServiceStatus, "acceptable status
 * before eIDAS": undersupervision, supervisionincessation, accredited).
 *
 * <ul>
 * <li>undersupervision, supervisionincessation, accredited → granted</li>
 * <li>supervisionceased, supervisionrevoked, accreditationceased, accreditationrevoked → withdrawn</li>
 * <li>setbynationallaw → recognisedatnationallevel (a status set by national law, not a
 *     supervised qualified status: it never confirms a qualified certificate)</li>
 * <li>deprecatedbynationallaw → deprecatedatnationallevel</li>
 * <li>an unknown URI → unknown, which no policy accepts by accident</li>
 * </ul>
 */
public enum StatusMeaning {
    GRANTED("granted"),
    WITHDRAWN("withdrawn"),
    RECOGNISED_AT_NATIONAL_LEVEL("recognisedatnationallevel"),
    DEPRECATED_AT_NATIONAL_LEVEL("deprecatedatnationallevel"),
    UNKNOWN("unknown");

    private final String shortName;

    StatusMeaning(String shortName) {
        this.shortName = shortName;
    }

    /** The TS 119 612 v2 status name this meaning corresponds to. */
    public String shortName() {
        return shortName;
    }

    public static StatusMeaning of(ServiceStatus status) {
        return of(status.kind());
    }

    public static StatusMeaning of(ServiceStatus.Kind kind) {
        return switch (kind) {
            case GRANTED, UNDER_SUPERVISION, SUPERVISION_IN_CESSATION, ACCREDITED -> GRANTED;
            case WITHDRAWN, SUPERVISION_CEASED, SUPERVISION_REVOKED, ACCREDITATION_CEASED, ACCREDITATION_REVOKED -> WITHDRAWN;
            case RECOGNISED_AT_NATIONAL_LEVEL, SET_BY_NATIONAL_LAW -> RECOGNISED_AT_NATIONAL_LEVEL;
            case DEPRECATED_AT_NATIONAL_LEVEL, DEPRECATED_BY_NATIONAL_LAW -> DEPRECATED_AT_NATIONAL_LEVEL;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** A readable account of the mapping for traces, e.g. "accredited (pre-2016 status, counts as granted)". */
    public static String describe(ServiceStatus status) {
        StatusMeaning meaning = of(status);
        if (status.kind().isEidasEra() || status.kind() == ServiceStatus.Kind.UNKNOWN) {
            return status.shortName();
        }
        return status.shortName() + " (pre-2016 status, counts as " + meaning.shortName + ")";
    }
}
