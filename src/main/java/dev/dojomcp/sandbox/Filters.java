package dev.dojomcp.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/** Builders for django-filter filter types. Values are taken from the last occurrence unless repeated is meaningful. */
final class Filters {
    private Filters() {
    }

    static final String ENTER_A_NUMBER = "Enter a number.";
    static final String INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices.";

    private static String last(List<String> values) {
        return values.get(values.size() - 1);
    }

    static long parseNumber(String text) {
        try {
            return new BigDecimal(text.trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FilterSet.InvalidValue(ENTER_A_NUMBER);
        }
    }

    static long[] parseNumberList(String text) {
        String[] parts = text.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parseNumber(parts[i]);
        }
        return out;
    }

    private static boolean containsLong(long[] set, long v) {
        for (long x : set) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** NumberInFilter: comma-separated integers, any may match. */
    static <T> FilterSet.Filter<T> numberIn(ToLongFunction<T> key) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            long[] wanted = parseNumberList(v);
            return t -> containsLong(wanted, key.applyAsLong(t));
        };
    }

    /** NumberInFilter over a many-to-many relation. */
    static <T> FilterSet.Filter<T> numberInAny(Function<T, int[]> key) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            long[] wanted = parseNumberList(v);
            return t -> {
                for (int id : key.apply(t)) {
                    if (containsLong(wanted, id)) {
                        return true;
                    }
                }
                return false;
            };
        };
    }

    /** NumberFilter: one exact number. */
    static <T> FilterSet.Filter<T> number(ToLongFunction<T> key) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            long wanted = parseNumber(v);
            return t -> key.applyAsLong(t) == wanted;
        };
    }

    /** ModelChoiceFilter: one id that must exist, else 400. */
    static <T> FilterSet.Filter<T> modelChoice(ToLongFunction<T> key, java.util.function.LongPredicate exists) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            long wanted;
            try {
                wanted = Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new FilterSet.InvalidValue(INVALID_CHOICE);
            }
            if (!exists.test(wanted)) {
                throw new FilterSet.InvalidValue(INVALID_CHOICE);
            }
            return t -> key.applyAsLong(t) == wanted;
        };
    }

    /**
     * BooleanFilter. django-filter's BooleanWidget maps true/false/1/0 (any case) and a NullBooleanField turns
     * any other value into None, which means no filtering rather than a 400 (inferred from django-filter's code).
     */
    static <T> FilterSet.Filter<T> bool(Predicate<T> key) {
        return (name, values, today) -> {
            Boolean wanted = parseBoolean(last(values));
            if (wanted == null) {
                return null;
            }
            return wanted ? key : key.negate();
        };
    }

    static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    static <T> FilterSet.Filter<T> icontains(Function<T, String> key) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            String needle = v.toLowerCase(Locale.ROOT);
            return t -> {
                String s = key.apply(t);
                return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
            };
        };
    }

    static <T> FilterSet.Filter<T> iexact(Function<T, String> key) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            return t -> v.equalsIgnoreCase(key.apply(t));
        };
    }

    static <T> FilterSet.Filter<T> exact(Function<T, String> key) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            return t -> v.equals(key.apply(t));
        };
    }

    /** CharFieldInFilter: comma-separated exact, case-sensitive values. */
    static <T> FilterSet.Filter<T> exactIn(Function<T, String> key) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            Set<String> wanted = Set.copyOf(Arrays.asList(v.split(",")));
            return t -> containsNonNull(wanted, key.apply(t));
        };
    }

    /** Comma-separated exact values against a list field (e.g. vulnerability ids); any may match. */
    static <T> FilterSet.Filter<T> exactInAny(Function<T, String[]> key) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            Set<String> wanted = Set.copyOf(Arrays.asList(v.split(",")));
            return t -> {
                for (String s : key.apply(t)) {
                    if (wanted.contains(s)) {
                        return true;
                    }
                }
                return false;
            };
        };
    }

    /** MultipleChoiceFilter: repeated parameter, each value must be one of the choices. */
    static <T> FilterSet.Filter<T> multipleChoice(Set<String> choices, Function<T, String> key) {
        return (name, values, today) -> {
            for (String v : values) {
                if (!choices.contains(v)) {
                    throw new FilterSet.InvalidValue(
                            "Select a valid choice. " + v + " is not one of the available choices.");
                }
            }
            Set<String> wanted = Set.copyOf(values);
            return t -> containsNonNull(wanted, key.apply(t));
        };
    }

    /** SQL's {@code IN}: a null field matches nothing (and {@code Set.of(..).contains(null)} would throw). */
    private static boolean containsNonNull(Set<String> wanted, String value) {
        return value != null && wanted.contains(value);
    }

    /** DateRangeFilter codes 1–7 on a date (epoch day) field. */
    static <T> FilterSet.Filter<T> dateRange(ToIntFunction<T> epochDay) {
        return (name, values, today) -> {
            DateRangeCode code = DateRangeCode.parse(name, last(values));
            if (code == null) {
                return null;
            }
            return t -> {
                int d = epochDay.applyAsInt(t);
                return d != FindingRecord.NO_DAY && code.contains(d, today);
            };
        };
    }

    /** DateRangeFilter on a datetime (epoch millis) field, bucketed by its UTC date. */
    static <T> FilterSet.Filter<T> dateTimeRange(ToLongFunction<T> epochMillis) {
        return dateRange(t -> dayOf(epochMillis.applyAsLong(t)));
    }

    static int dayOf(long epochMillis) {
        return epochMillis == FindingRecord.NO_TIME ? FindingRecord.NO_DAY
                : (int) Math.floorDiv(epochMillis, 86_400_000L);
    }

    enum Compare { EQUAL, BEFORE, AFTER }

    /** DateFilter: YYYY-MM-DD compared with a date (epoch day) field. */
    static <T> FilterSet.Filter<T> date(ToIntFunction<T> epochDay, Compare compare) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            int wanted = parseDate(v);
            return t -> {
                int d = epochDay.applyAsInt(t);
                if (d == FindingRecord.NO_DAY) {
                    return false;
                }
                return switch (compare) {
                    case EQUAL -> d == wanted;
                    case BEFORE -> d < wanted;
                    case AFTER -> d > wanted;
                };
            };
        };
    }

    static int parseDate(String text) {
        try {
            return (int) LocalDate.parse(text.trim()).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new FilterSet.InvalidValue("Enter a valid date.");
        }
    }

    /** DateTimeFilter: ISO datetime (or date = midnight UTC) compared with an epoch-millis field. */
    static <T> FilterSet.Filter<T> dateTime(ToLongFunction<T> epochMillis, Compare compare, boolean dateOnlyMeansEndOfDay) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            boolean dateOnly = v.trim().length() == 10;
            long wanted = parseDateTime(v);
            if (dateOnly && dateOnlyMeansEndOfDay) {
                wanted += 86_399_000L;
            }
            long bound = wanted;
            return t -> {
                long m = epochMillis.applyAsLong(t);
                if (m == FindingRecord.NO_TIME) {
                    return false;
                }
                return switch (compare) {
                    case EQUAL -> dateOnly ? dayOf(m) == dayOf(bound) : m == bound;
                    case BEFORE -> m < bound;
                    case AFTER -> m > bound;
                };
            };
        };
    }

    static long parseDateTime(String text) {
        String s = text.trim().replace(' ', 'T');
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(s).toEpochMilli();
                } catch (DateTimeParseException e2) {
                    return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
                }
            }
        } catch (DateTimeParseException e) {
            throw new FilterSet.InvalidValue("Enter a valid date/time.");
        }
    }

    // Tag filters (§5.1): tag / not_tag are substring matches, the list filters compare exact names.

    static <T> FilterSet.Filter<T> tagContains(Function<T, String[]> tags, boolean negate) {
        return (name, values, today) -> {
            String v = last(values);
            if (v.isEmpty()) {
                return null;
            }
            Predicate<T> p = t -> {
                for (String tag : tags.apply(t)) {
                    if (tag.contains(v)) {
                        return true;
                    }
                }
                return false;
            };
            return negate ? p.negate() : p;
        };
    }

    enum TagMatch { ANY, ALL, NONE }

    static <T> FilterSet.Filter<T> tagList(Function<T, String[]> tags, TagMatch match) {
        return (name, values, today) -> {
            List<String> wanted = values.stream().flatMap(v -> Arrays.stream(v.split(",")))
                    .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
            if (wanted.isEmpty()) {
                return null;
            }
            return t -> {
                List<String> have = Arrays.asList(tags.apply(t));
                return switch (match) {
                    case ANY -> wanted.stream().anyMatch(have::contains);
                    case ALL -> have.containsAll(wanted);
                    case NONE -> wanted.stream().noneMatch(have::contains);
                };
            };
        };
    }

    static <T> FilterSet.Filter<T> hasTags(Function<T, String[]> tags) {
        return bool(t -> tags.apply(t).length > 0);
    }

    /** Adds tag, not_tag, tags, tags__and, not_tags and has_tags for a resource's own tags. */
    static <T> FilterSet<T> addOwnTags(FilterSet<T> set, Function<T, String[]> tags) {
        return set.add("tag", tagContains(tags, false))
                .add("not_tag", tagContains(tags, true))
                .add("tags", tagList(tags, TagMatch.ANY))
                .add("tags__and", tagList(tags, TagMatch.ALL))
                .add("not_tags", tagList(tags, TagMatch.NONE))
                .add("has_tags", hasTags(tags));
    }

    /** Adds {prefix}tags, {prefix}tags__and and not_{prefix}tags for a parent's tags. */
    static <T> FilterSet<T> addParentTags(FilterSet<T> set, String prefix, Function<T, String[]> tags) {
        return set.add(prefix + "tags", tagList(tags, TagMatch.ANY))
                .add(prefix + "tags__and", tagList(tags, TagMatch.ALL))
                .add("not_" + prefix + "tags", tagList(tags, TagMatch.NONE));
    }
}
