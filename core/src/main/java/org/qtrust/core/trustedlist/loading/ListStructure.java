package org.qtrust.core.trustedlist.loading;

import java.util.List;

/**
 * What the structure rules found in one list (TS 119 612 v2.4.1 §5.3.1 and §5.7.1): errors
 * refuse the list ({@link ListRejection#STRUCTURE_INVALID}), warnings are reported only.
 *
 * @param warnings readable findings that do not refuse the list
 * @param errors   readable findings that refuse it
 */
public record ListStructure(List<String> warnings, List<String> errors) {

    /** Nothing judged or nothing found. */
    public static final ListStructure NONE = new ListStructure(List.of(), List.of());

    public ListStructure {
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    public boolean conformant() {
        return errors.isEmpty();
    }
}
