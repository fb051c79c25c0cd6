package io.halqe.domain.core;

import java.util.Comparator;

/** Stream sequence numbers are decimal strings of varying length: compare them as numbers. */
public final class SequenceNumbers {

    public static final Comparator<String> ORDER = Comparator
            .comparingInt((String sequence) -> stripLeadingZeros(sequence).length())
            .thenComparing(SequenceNumbers::stripLeadingZeros);

    private SequenceNumbers() {
    }

    private static String stripLeadingZeros(String sequence) {
        int start = 0;
        while (start < sequence.length() - 1 && sequence.charAt(start) == '0') {
            start++;
        }
        return sequence.substring(start);
    }
}
