package org.qtrust.core.trustedlist.loading;

import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.port.MalformedListException;

/** Why a list was not accepted. The code is the stable form reported by the CLI and the API. */
public enum ListRejection {
    UNAVAILABLE("list_unavailable", "the list document could not be obtained"),
    EMPTY("list_empty", "the list document is empty"),
    NOT_PARSABLE("list_not_parsable", "the list document is not well-formed XML"),
    UNSAFE_XML("list_unsafe_xml", "the list document uses forbidden XML constructs (DTD, entities)"),
    TOO_LARGE("list_too_large", "the list document exceeds the size or depth limit"),
    NOT_CONFORMANT("list_not_conformant", "the list document is not a conformant TS 119 612 list"),
    STRUCTURE_INVALID("list_structure_invalid",
            "the list's structure does not meet the rules of its TSLVersionIdentifier (TS 119 612 §5.3.1, §5.7.1)"),
    SIGNATURE_MISSING("signature_missing", "the list is not signed"),
    SIGNATURE_INVALID("signature_invalid", "the list's signature does not verify"),
    MULTIPLE_SIGNATURES("multiple_signatures", "the list carries more than one signature"),
    SIGNATURE_NOT_COVERING_LIST("signature_not_covering_list", "the signature does not cover the whole list (wrapping)"),
    FORBIDDEN_SIGNATURE_CONSTRUCT("forbidden_signature_construct", "the signature uses a forbidden transform or reference"),
    SIGNED_PROPERTIES_INVALID("signed_properties_invalid", "the XAdES signed properties are missing or do not verify"),
    SIGNER_NOT_TRUSTED("signer_not_trusted", "the list is not signed by a certificate announced for it"),
    TERRITORY_MISMATCH("territory_mismatch", "the list's territory differs from its pointer's"),
    TYPE_MISMATCH("list_type_mismatch", "the list's type differs from its pointer's"),
    NOT_YET_ISSUED("list_not_yet_issued", "the list was issued after the validation time"),
    EXPIRED("list_expired", "the list's NextUpdate has passed at the validation time"),
    THIRD_COUNTRY_NOT_RECOGNISED("third_country_list_not_recognised",
            "the pointer announces a list that is not an EU member state's (TSLType not EUgeneric) and carries no mutual"
            + " recognition agreement: it is never used as an EU list"),
    MRA_NOT_UNDERSTOOD("mra_not_understood",
            "the pointer's mutual recognition agreement information is not understood: the list is never used, and never"
            + " as an EU list"),
    ROLLBACK("rollback", "the list's sequence number is lower than that of a list already accepted: an old list replayed"),
    LIST_OF_LISTS_NOT_TRUSTED("lotl_not_trusted", "the list of trusted lists that points to this list is not trusted");

    private final String code;
    private final String description;

    ListRejection(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The rejection for a signature check that failed. */
    public static ListRejection forSignature(SignatureCheck check) {
        return switch (check.failure().orElseThrow()) {
            case MISSING -> SIGNATURE_MISSING;
            case MULTIPLE_SIGNATURES -> MULTIPLE_SIGNATURES;
            case NOT_COVERING_DOCUMENT -> SIGNATURE_NOT_COVERING_LIST;
            case FORBIDDEN_CONSTRUCT -> FORBIDDEN_SIGNATURE_CONSTRUCT;
            case SIGNED_PROPERTIES_INVALID -> SIGNED_PROPERTIES_INVALID;
            case CRYPTOGRAPHIC_FAILURE, UNREADABLE -> SIGNATURE_INVALID;
            case SIGNER_NOT_TRUSTED -> SIGNER_NOT_TRUSTED;
        };
    }

    /** The rejection for a document that could not be read. */
    public static ListRejection forProblem(MalformedListException.Problem problem) {
        return switch (problem) {
            case EMPTY -> EMPTY;
            case NOT_WELL_FORMED -> NOT_PARSABLE;
            case UNSAFE_XML -> UNSAFE_XML;
            case TOO_LARGE -> TOO_LARGE;
            case NOT_CONFORMANT -> NOT_CONFORMANT;
        };
    }
}
