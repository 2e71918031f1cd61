package dev.lookahead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphFilesTest {
    @TempDir
    Path dir;

    private static final SearchGraph WORKED = SearchGraph.of(
            Tokenizer.decode(new TokenLayout(32), TokenizerTest.WORKED)).withPositions(Map.of(2, new SearchGraph.Position(1.5, -2)));

    @ParameterizedTest
    @ValueSource(strings = {"g.json", "g.dot", "g.graphml"})
    void roundTripKeepsIdsEdgeOrderStartGoalAndPositions(String name) throws IOException {
        Path file = dir.resolve(name);
        GraphFiles.write(WORKED, file);
        SearchGraph back = GraphFiles.read(file);
        assertThat(back.edges()).containsExactlyElementsOf(WORKED.edges());
        assertThat(back.start()).isEqualTo(2);
        assertThat(back.goal()).isEqualTo(8);
        assertThat(back.vertices()).containsExactlyInAnyOrderElementsOf(WORKED.vertices());
        assertThat(back.positions()).isEqualTo(WORKED.positions());
    }

    @Test
    void tokenLineRoundTrips() throws IOException {
        Path file = dir.resolve("g.tokens");
        GraphFiles.writeTokens(WORKED, new TokenLayout(32), file);
        assertThat(Files.readString(file).trim()).isEqualTo("12 12 12 11 5 9 11 6 3 11 7 4 11 2 6 11 2 1 11 2 5 11 2 7 11 1 8 13 2 8 10 2");
        SearchGraph back = GraphFiles.read(file);
        assertThat(back.edges()).containsExactlyElementsOf(WORKED.edges());
        assertThat(back.goal()).isEqualTo(8);
    }

    @Test
    void jsonSyntaxErrorNamesTheLine() throws IOException {
        Path file = write("broken.json", "{\n  \"edges\": [[1, 2],\n    [2 3]]\n}\n");
        assertProblem(file, 3, "not valid JSON");
    }

    @Test
    void jsonEdgeThatIsNotAPairNamesItsLine() throws IOException {
        Path file = write("bad-edge.json", "{\n  \"edges\": [\n    [1, 2],\n    [2, 3, 4]\n  ]\n}\n");
        assertProblem(file, 4, "edge 2 must be a pair");
    }

    @Test
    void jsonIdThatIsNotAnIntegerNamesItsLine() throws IOException {
        Path file = write("bad-id.json", "{\n  \"edges\": [[1, 2]],\n  \"start\": \"one\"\n}\n");
        assertProblem(file, 3, "expected the start vertex (an integer)");
    }

    @Test
    void aCycleIsNamedByItsVertices() throws IOException {
        Path file = write("cycle.json", "{\n\"edges\": [\n[1, 2],\n[2, 3],\n[3, 1]\n]\n}\n");
        assertProblem(file, 5, "cycle 1 -> 2 -> 3 -> 1");
    }

    @Test
    void aSelfLoopInDotNamesItsLine() throws IOException {
        Path file = write("loop.dot", "digraph G {\n  1 -> 2;\n  2 -> 2;\n}\n");
        assertProblem(file, 3, "2 -> 2 is a self-loop");
    }

    @Test
    void aDuplicateEdgeInGraphMlNamesItsLine() throws IOException {
        Path file = write("dup.graphml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <graph edgedefault="directed">
                    <node id="1"/>
                    <node id="2"/>
                    <edge source="1" target="2"/>
                    <edge source="1" target="2"/>
                  </graph>
                </graphml>
                """);
        assertProblem(file, 7, "1 -> 2 appears twice");
    }

    @Test
    void aDotVertexThatIsNotANumberIsNamed() throws IOException {
        Path file = write("names.dot", "digraph G {\n  a -> b;\n}\n");
        assertThatThrownBy(() -> GraphFiles.read(file)).isInstanceOf(GraphFileException.class)
                .hasMessageContaining("names.dot").hasMessageContaining("vertex 'a' is not a positive integer id");
    }

    @Test
    void aMalformedTokenLineNamesThePosition() throws IOException {
        Path file = write("bad.tokens", "\n12 12 12 11 5 9 11 6 3 11 7 4 11 2 6 11 2 1 11 2 5 11 2 7 11 1 8 12 2 8 10 2\n");
        assertProblem(file, 2, "position 27: expected Q");
        Path words = write("words.tokens", "12 E 5\n");
        assertProblem(words, 1, "token 2 ('E') is not an integer");
    }

    @Test
    void aNewerFormatVersionIsRefused() throws IOException {
        Path file = write("new.json", "{\"format\": \"lookahead-graph\", \"version\": 7, \"edges\": []}");
        assertProblem(file, 1, "format version 7 is newer");
    }

    @Test
    void missingAndUnknownFilesSaySo() {
        assertThatThrownBy(() -> GraphFiles.read(dir.resolve("absent.json"))).hasMessageContaining("absent.json: no such file");
        assertThatThrownBy(() -> GraphFiles.read(dir.resolve("g.png"))).hasMessageContaining("unknown graph format");
    }

    @Test
    void aGraphTooLargeForTheModelIsRefusedWithTheLimit() {
        List<Edge> edges = new java.util.ArrayList<>();
        for (int v = 1; v < 12; v++) edges.add(new Edge(v, v + 1));
        SearchGraph big = SearchGraph.of(edges, 1, 12);
        assertThat(big.whyNotFor(new TokenLayout(32))).hasValueSatisfying(reason ->
                assertThat(reason).contains("12 vertices").contains("at most 9"));
        assertThat(big.whyNotFor(new TokenLayout(44))).isEmpty();
        SearchGraph outside = SearchGraph.of(List.of(new Edge(1, 10)), 1, 10);
        assertThat(outside.whyNotFor(new TokenLayout(32))).hasValueSatisfying(reason ->
                assertThat(reason).contains("vertex 10 lies outside the model's ids 1..9"));
        assertThatThrownBy(() -> big.toInput(new TokenLayout(32))).hasMessageContaining("at most 9");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void assertProblem(Path file, int line, String text) {
        assertThatThrownBy(() -> GraphFiles.read(file))
                .isInstanceOf(GraphFileException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining(text)
                .satisfies(e -> assertThat(((GraphFileException) e).line()).isEqualTo(line));
    }
}
