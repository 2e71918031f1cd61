package dev.lookahead.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.io.Json;
import org.junit.jupiter.api.Test;

/** A model description far beyond any sane size is refused, naming the file and the field, before anything is allocated. */
class ModelLimitsTest {
    @Test
    void aModelJsonAskingForAHugeModelIsRefusedWithTheFileAndTheField() {
        assertThatThrownBy(() -> ModelFiles.readConfig(Json.MAPPER.readTree("{\"n\": 20000, \"layers\": 6, \"hidden\": 16, \"heads\": 1}"),
                "runs/x/model.json")).hasMessageContaining("runs/x/model.json").hasMessageContaining("n must be at most");
        assertThatThrownBy(() -> ModelFiles.readConfig(Json.MAPPER.readTree("{\"n\": 32, \"layers\": 2000000, \"hidden\": 16, \"heads\": 1}"),
                "runs/x/model.json")).hasMessageContaining("runs/x/model.json").hasMessageContaining("layers must be at most");
        assertThatThrownBy(() -> SearchModel.openSearch("untrained:n20000", "cpu")).hasMessageContaining("n must be at most");
    }
}
