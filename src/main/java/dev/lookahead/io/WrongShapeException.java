package dev.lookahead.io;

/**
 * A file whose whole shape is not the one expected (a JSON array where JSON lines belong, a table without the columns a
 * reader needs): nothing in it is scored, and the message says what the file looks like and what was expected.
 */
public final class WrongShapeException extends IllegalArgumentException {
    public WrongShapeException(String message) {
        super(message);
    }
}
