package io.halqe.aws.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Fields of a document read as plain values ({@link JsonStreams#read}), taken as the data-binding mapper would take
 * them into a record: a missing number or flag its default, enums in any case; a field of the wrong kind throws
 * (ClassCastException or IllegalArgumentException), which each reader turns into its own refusal.
 */
final class PlainFields {

    private PlainFields() {
    }

    static <E extends Enum<E>> E named(Class<E> type, Object value) {
        return value == null ? null : Enum.valueOf(type, ((String) value).toUpperCase(Locale.ROOT));
    }

    static int integer(Object value) {
        return value == null ? 0 : Math.toIntExact(((Number) value).longValue());
    }

    static Integer boxed(Object value) {
        return value == null ? null : integer(value);
    }

    static boolean flag(Object value) {
        return value != null && (Boolean) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?> object) {
            return (Map<String, Object>) object;
        }
        throw new IllegalArgumentException("expected an object, found " + value);
    }

    static <T> List<T> list(Object value, Function<Object, T> item) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException("expected an array, found " + value);
        }
        List<T> list = new ArrayList<>(items.size());
        for (Object each : items) {
            list.add(item.apply(each));
        }
        return list;
    }

    static <T> Map<String, T> map(Object value, Function<Object, T> field) {
        if (value == null) {
            return null;
        }
        Map<String, T> map = new LinkedHashMap<>();
        object(value).forEach((name, each) -> map.put(name, field.apply(each)));
        return map;
    }

    static Map<String, String> strings(Object value) {
        return map(value, String.class::cast);
    }
}
