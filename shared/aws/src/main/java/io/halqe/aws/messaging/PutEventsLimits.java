package io.halqe.aws.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * EventBridge's PutEvents limits, as AWS counts them: at most 10 entries, and entries of at most 256 KB in all, an
 * entry counting its Source, DetailType and Detail (UTF-8 bytes), its Resources, and 14 bytes for a Time.
 */
public final class PutEventsLimits {

    public static final int MAX_ENTRIES = 10;
    public static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final int TIME_BYTES = 14;

    private PutEventsLimits() {
    }

    public static int entrySize(String source, String detailType, String detail, List<String> resources, boolean hasTime) {
        int size = hasTime ? TIME_BYTES : 0;
        for (String part : List.of(source == null ? "" : source, detailType == null ? "" : detailType,
                detail == null ? "" : detail)) {
            size += part.getBytes(StandardCharsets.UTF_8).length;
        }
        for (String resource : resources) {
            size += resource.getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
