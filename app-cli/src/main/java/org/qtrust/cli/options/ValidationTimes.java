package org.qtrust.cli.options;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.qtrust.cli.UsageException;

/**
 * Reads a validation time as people write it: any ISO-8601 instant, with or without seconds
 * or fractions, with {@code Z} or an offset ({@code 2019-10-01T00:00Z},
 * {@code 2019-10-01T02:00:00+02:00}), or a plain date, which means midnight UTC at its start.
 * A date-time without an offset is refused: it names no instant.
 */
public final class ValidationTimes {

    private ValidationTimes() {
    }

    /** The instant {@code text} names; a usage error naming {@code option} otherwise. */
    public static Instant parse(String option, String text) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffsetDateTime) {
            // next form
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
            // next form
        }
        try {
            LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            throw new UsageException(option + " '" + text + "' has no time zone: add Z for UTC or an offset such as +02:00");
        } catch (DateTimeParseException notLocal) {
            throw new UsageException(option + " '" + text
                    + "' is not an ISO-8601 instant or date such as 2019-10-01T00:00:00Z, 2019-10-01T00:00Z or 2019-10-01");
        }
    }
}
