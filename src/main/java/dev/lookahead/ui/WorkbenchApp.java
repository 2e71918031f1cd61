package dev.lookahead.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("lookahead"), 400, 300));
        stage.show();
    }
}
