package dev.lookahead.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;

/** The workbench's one theme, AtlantaFX Primer, in a light and a dark variant; the choice is remembered. */
public enum Theme {
    LIGHT,
    DARK;

    private static final String KEY = "theme";
    private static final Preferences PREFERENCES = Preferences.userNodeForPackage(Theme.class);

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        PREFERENCES.put(KEY, name());
    }

    public static Theme remembered() {
        try {
            return valueOf(PREFERENCES.get(KEY, LIGHT.name()));
        } catch (IllegalArgumentException e) {
            return LIGHT;
        }
    }

    /** The workbench's own style sheet, applied on top of the theme. */
    public static String styleSheet() {
        return Theme.class.getResource("workbench.css").toExternalForm();
    }
}
