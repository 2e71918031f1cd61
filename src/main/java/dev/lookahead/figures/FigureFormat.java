package dev.lookahead.figures;

import java.util.Locale;

/** The file formats a figure exports to. */
public enum FigureFormat {
    PNG, SVG, PDF;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FigureFormat parse(String text) {
        for (FigureFormat f : values()) if (f.extension().equalsIgnoreCase(text.strip())) return f;
        throw new IllegalArgumentException("unknown figure format '" + text + "'; choose png, svg or pdf");
    }

    /** The format a file name asks for by its extension, or null. */
    public static FigureFormat ofFile(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) return null;
        String extension = name.substring(dot + 1);
        for (FigureFormat f : values()) if (f.extension().equalsIgnoreCase(extension)) return f;
        return null;
    }
}
