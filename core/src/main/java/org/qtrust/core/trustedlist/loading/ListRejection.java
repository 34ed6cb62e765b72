package org.qtrust.core.trustedlist.loading;

/** Why a list was not accepted. The code is the stable form reported by the CLI and the API. */
public enum ListRejection {
    UNAVAILABLE("list_unavailable", "the list document could not be obtained"),
    EMPTY("list_empty", "the list document is empty"),
    NOT_PARSABLE("list_not_parsable", "the list document is not well-formed XML"),
    UNSAFE_XML("list_unsafe_xml", "the list document uses forbidden XML constructs (DTD, entities)"),
    TOO_LARGE("list_too_large", "the list document exceeds the size or depth limit"),
    NOT_CONFORMANT("list_not_conformant", "the list document is not a conformant TS 119 612 list"),
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
}
