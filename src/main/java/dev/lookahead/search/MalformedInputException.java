package dev.lookahead.search;

/** A token sequence that is not a well-formed input, with the position that is wrong. */
public class MalformedInputException extends IllegalArgumentException {
    private final int position;

    public MalformedInputException(int position, String problem) {
        super(position >= 0 ? "position " + position + ": " + problem : problem);
        this.position = position;
    }

    /** The 0-based token position that is wrong, or -1 when the problem is the whole sequence. */
    public int position() {
        return position;
    }
}
