package dev.dojomcp.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers: DRF renders dates as YYYY-MM-DD and datetimes as ISO-8601 UTC with microseconds. */
final class Json {
    private Json() {
    }

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static String date(int epochDay) {
        return epochDay == FindingRecord.NO_DAY ? null : LocalDate.ofEpochDay(epochDay).toString();
    }

    static String dateTime(long epochMillis) {
        return epochMillis == FindingRecord.NO_TIME ? null : DATE_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    static void text(ObjectNode node, String name, String value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    /** An id field where 0 means null. */
    static void id(ObjectNode node, String name, int value) {
        if (value == FindingRecord.NO_ID) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    static void ids(ObjectNode node, String name, int[] values) {
        ArrayNode array = node.putArray(name);
        for (int v : values) {
            array.add(v);
        }
    }

    static void strings(ObjectNode node, String name, String[] values) {
        ArrayNode array = node.putArray(name);
        for (String v : values) {
            array.add(v);
        }
    }

    static void integer(ObjectNode node, String name, Integer value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value.intValue());
        }
    }
}
