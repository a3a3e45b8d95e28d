package dev.dojomcp.sandbox;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in reports. DefectDojo's generic parsers use {@code dateutil.parser.parse}, which reads almost any
 * layout; the sandbox reads the common ones: ISO 8601, numeric day/month/year with {@code / - .} (month first
 * unless the first number cannot be a month, as dateutil does), {@code YYYYMMDD}, and English month names, each
 * with an optional time and zone. Anything else is rejected with dateutil's "Unknown string format" text.
 */
final class ReportDates {
    /** A wall-clock date-time and its zone offset when the text had one. */
    record Parsed(LocalDateTime local, ZoneOffset offset) {
        LocalDate date() {
            return local.toLocalDate();
        }

        /** Epoch milliseconds; a text without a zone counts as UTC (DefectDojo adds its own zone, UTC by default). */
        long epochMillis() {
            return local.toInstant(offset == null ? ZoneOffset.UTC : offset).toEpochMilli();
        }

        /** The date on the UTC calendar, as Django stores an aware date-time in a date field. */
        LocalDate utcDate() {
            return offset == null ? date() : local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDate();
        }
    }

    private static final String TIME = "(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?\\s*([AaPp][Mm])?)?"
            + "\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?";
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})" + TIME);
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,4})[/.-](\\d{1,2})[/.-](\\d{1,4})" + TIME);
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})" + TIME);
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?:[A-Za-z]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+([A-Za-z]+)\\.?,?[\\s-]+(\\d{4})" + TIME);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?:[A-Za-z]+,?\\s+)?([A-Za-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME);
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec"};

    private ReportDates() {
    }

    /** @throws ReportError for text the sandbox cannot read as a date */
    static Parsed parse(String text) {
        String t = text.strip();
        try {
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return at(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        m, 4);
            }
            m = COMPACT.matcher(t);
            if (m.matches()) {
                return at(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        m, 4);
            }
            m = NUMERIC.matcher(t);
            if (m.matches()) {
                return numeric(m);
            }
            m = DAY_MONTH.matcher(t);
            if (m.matches() && month(m.group(2)) > 0) {
                return at(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)), m, 4);
            }
            m = MONTH_DAY.matcher(t);
            if (m.matches() && month(m.group(1)) > 0) {
                return at(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)), m, 4);
            }
        } catch (DateTimeException | NumberFormatException e) {
            // falls through to the rejection below
        }
        throw new ReportError("Unknown string format: " + text);
    }

    private static Parsed numeric(Matcher m) {
        String first = m.group(1);
        int a = Integer.parseInt(first);
        int b = Integer.parseInt(m.group(2));
        int c = Integer.parseInt(m.group(3));
        if (first.length() == 4) {
            return at(a, b, c, m, 4);
        }
        int year = m.group(3).length() <= 2 ? fullYear(c) : c;
        return a > 12 ? at(year, b, a, m, 4) : at(year, a, b, m, 4);
    }

    /** Two-digit years land within 50 years of today, like dateutil's century guess. */
    private static int fullYear(int twoDigits) {
        int now = LocalDate.now(ZoneOffset.UTC).getYear();
        int year = now / 100 * 100 + twoDigits;
        if (year >= now + 50) {
            year -= 100;
        } else if (year < now - 50) {
            year += 100;
        }
        return year;
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (n.length() >= 3 && n.startsWith(MONTHS[i]) && (n.length() == 3 || fullName(i).startsWith(n))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String fullName(int month) {
        return java.time.Month.of(month + 1).name().toLowerCase(Locale.ROOT);
    }

    private static Parsed at(int year, int month, int day, Matcher m, int firstTimeGroup) {
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(firstTimeGroup) != null) {
            int hour = Integer.parseInt(m.group(firstTimeGroup));
            String meridiem = m.group(firstTimeGroup + 4);
            if (meridiem != null) {
                hour = hour % 12 + (meridiem.equalsIgnoreCase("pm") ? 12 : 0);
            }
            int minute = Integer.parseInt(m.group(firstTimeGroup + 1));
            int second = m.group(firstTimeGroup + 2) == null ? 0 : Integer.parseInt(m.group(firstTimeGroup + 2));
            String fraction = m.group(firstTimeGroup + 3);
            int nanos = fraction == null ? 0
                    : Integer.parseInt((fraction + "000000000").substring(0, 9));
            time = LocalTime.of(hour, minute, second, nanos);
        }
        String zone = m.group(firstTimeGroup + 5);
        ZoneOffset offset = null;
        if (zone != null) {
            offset = zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT") ? ZoneOffset.UTC
                    : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
        }
        return new Parsed(LocalDateTime.of(LocalDate.of(year, month, day), time), offset);
    }
}
