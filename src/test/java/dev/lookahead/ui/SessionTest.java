package dev.lookahead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.search.SearchGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions: saved and opened, autosaved and restored after a crash, a bad file refused, files remembered. */
class SessionTest extends WindowTest {
    @TempDir
    static Path home;

    @Override
    protected Path home() {
        return home;
    }

    private SearchGraph shown(WorkbenchApp window) throws Exception {
        SearchGraph[] graph = new SearchGraph[1];
        FxTesting.onFx(() -> graph[0] = window.explorer().shownGraph());
        return graph[0];
    }

    @Test
    void aSavedSessionOpensAsItWasAndABadOneLeavesTheGraphAlone() throws Exception {
        FxTesting.onFx(() -> {
            app.explorer().addVertex();
            app.explorer().layoutByForce();
        });
        SearchGraph edited = shown(app);
        Path file = home.resolve("mine" + Session.EXTENSION);
        FxTesting.onFx(() -> {
            try {
                app.explorer().session().write(file);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            app.explorer().testExample(2); // something else on screen
        });
        FxTesting.onFx(() -> app.open(file));
        SearchGraph reopened = shown(app);
        assertThat(reopened.vertices()).containsExactlyElementsOf(edited.vertices());
        assertThat(reopened.edges()).containsExactlyElementsOf(edited.edges());
        assertThat(reopened.start()).isEqualTo(edited.start());
        assertThat(reopened.positions()).isEqualTo(edited.positions());
        String savedModel = Session.read(file).model();
        FxTesting.onFx(() -> assertThat(app.explorer().session().model()).isEqualTo(savedModel));

        Path broken = home.resolve("broken" + Session.EXTENSION);
        Files.writeString(broken, "{\"format\": \"lookahead-session\", \"graph\": {\"format\": \"lookahead-graph\", \"version\": 1,"
                + " \"vertices\": [1, 2], \"edges\": [[1, 2], [2, 1]]}}");
        FxTesting.onFx(() -> app.open(broken));
        assertThat(shown(app).vertices()).containsExactlyElementsOf(edited.vertices());
        FxTesting.onFx(() -> {
            String status = ((javafx.scene.control.Label) app.explorer().getScene().lookup(".status-bar .label")).getText();
            assertThat(status).contains("broken" + Session.EXTENSION).contains("cycle");
        });
        assertThat(new RecentFiles(home).list()).first().isEqualTo(file.toAbsolutePath().normalize());
    }

    @Test
    void theAutosaveOfACrashedWindowIsRestoredByTheNextOne() throws Exception {
        FxTesting.onFx(() -> {
            app.explorer().addVertex();
            app.explorer().addVertex();
        });
        SearchGraph edited = shown(app);
        Path own = home.resolve("autosave-" + ProcessHandle.current().pid() + ".json");
        assertThat(Session.read(own).graph().vertices()).containsExactlyElementsOf(edited.vertices());
        // a window whose process is gone left this file behind
        Path crashed = home.resolve("autosave-999999999.json");
        Files.move(own, crashed);

        WorkbenchApp next = new WorkbenchApp(home);
        FxTesting.onFx(() -> next.start(new Stage()));
        assertThat(shown(next).vertices()).containsExactlyElementsOf(edited.vertices());
        assertThat(crashed).doesNotExist();
        FxTesting.onFx(() -> {
            assertThat(next.explorer().session().title()).contains("did not close cleanly");
            next.stop();
        });
        assertThat(own).doesNotExist();
    }
}
