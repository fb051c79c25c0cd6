package io.halqe.domain.core;

/** A paging cursor that no listing returned (or one tampered with): every {@link Page} listing refuses it. */
public final class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException() {
        super("cursor is not one this API returned");
    }
}
