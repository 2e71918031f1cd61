package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator benchmark compares with a peer only when given the peer's speeds measured here. */
class BenchGenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void ratiosAppearOnlyForTheCasesThePeerMeasured() throws Exception {
        Path peer = dir.resolve("peer.json");
        Files.writeString(peer, "{\"cases\": [{\"distribution\": \"balanced\", \"n\": 32, \"examples_per_second\": 1000}]}");
        Path json = dir.resolve("bench.json");
        assertThat(LookaheadCommand.execute("bench", "generate", "--examples", "200", "--repeats", "1", "--peer", peer.toString(),
                "--json", json.toString())).isZero();
        JsonNode cases = Json.MAPPER.readTree(json.toFile()).get("cases");
        assertThat(cases).hasSize(6);
        assertThat(cases.get(0).get("peer_per_second").asLong()).isEqualTo(1000);
        assertThat(cases.get(0).get("ratio_to_peer").asDouble()).isPositive();
        for (int i = 1; i < cases.size(); i++) assertThat(cases.get(i).has("ratio_to_peer")).as("no peer figure, no ratio").isFalse();
    }

    @Test
    void aPeerFileWithoutItsFieldsIsRefusedNamingTheFileAndTheCase() throws Exception {
        Path peer = dir.resolve("peer.json");
        Files.writeString(peer, "{\"cases\": [{\"distribution\": \"balanced\", \"n\": 32}]}");
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            assertThat(LookaheadCommand.execute("bench", "generate", "--examples", "10", "--repeats", "1", "--peer", peer.toString()))
                    .isNotZero();
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString()).contains(peer.toString()).contains("case 0").contains("examples_per_second");
    }
}
