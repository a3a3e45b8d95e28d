package dev.dojomcp.sandbox;

import java.time.LocalDate;

/**
 * DefectDojo's DateRangeFilter codes 1–7 with the windows of reference §14, relative to the server's UTC
 * date T. "Any date" has no code: an empty value or the literal {@code None} means no filtering.
 */
enum DateRangeCode {
    TODAY, PAST_7_DAYS, PAST_30_DAYS, PAST_90_DAYS, CURRENT_MONTH, CURRENT_YEAR, PAST_YEAR;

    /** Null for "any date"; throws a 400 for an unknown code. */
    static DateRangeCode parse(String param, String value) {
        if (value == null || value.isEmpty() || value.equals("None")) {
            return null;
        }
        switch (value) {
            case "1": return TODAY;
            case "2": return PAST_7_DAYS;
            case "3": return PAST_30_DAYS;
            case "4": return PAST_90_DAYS;
            case "5": return CURRENT_MONTH;
            case "6": return CURRENT_YEAR;
            case "7": return PAST_YEAR;
            default:
                throw ApiError.invalidParameter(param,
                        "Select a valid choice. " + value + " is not one of the available choices.");
        }
    }

    /** Whether an epoch day falls in the window for today = {@code today}. */
    boolean contains(int epochDay, LocalDate today) {
        long t = today.toEpochDay();
        return switch (this) {
            case TODAY -> epochDay == t;
            case PAST_7_DAYS -> epochDay >= t - 7 && epochDay < t + 1;
            case PAST_30_DAYS -> epochDay >= t - 30 && epochDay < t + 1;
            case PAST_90_DAYS -> epochDay >= t - 90 && epochDay < t + 1;
            case CURRENT_MONTH -> {
                LocalDate d = LocalDate.ofEpochDay(epochDay);
                yield d.getYear() == today.getYear() && d.getMonthValue() == today.getMonthValue();
            }
            case CURRENT_YEAR -> LocalDate.ofEpochDay(epochDay).getYear() == today.getYear();
            case PAST_YEAR -> epochDay >= t - 365 && epochDay < t + 1;
        };
    }
}
