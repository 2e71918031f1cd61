package dev.lookahead.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.io.SafeXml;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.ImportException;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLImporter;

/**
 * Reads and writes graph files (JSON, DOT, GraphML, a token line), keeping vertex ids and edge
 * order exactly as written. Every problem is reported with the file, the line when it can be found,
 * and what is wrong; writing is atomic, so a failed save never damages the previous file.
 */
public final class GraphFiles {
    public static final String JSON_FORMAT_NAME = "lookahead-graph";
    public static final int JSON_VERSION = 1;

    private GraphFiles() {
    }

    /** Reads a graph, choosing the format by the file's extension, and checks that it is a proper DAG. */
    public static SearchGraph read(Path file) throws IOException {
        GraphFormat format;
        try {
            format = GraphFormat.of(file);
        } catch (IllegalArgumentException e) {
            throw new GraphFileException(file, 0, "unknown graph format; use .json, .dot, .graphml or .tokens");
        }
        // a missing file is a failure (exit 1), not a file the command refuses
        if (!Files.isRegularFile(file)) throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such file");
        String text = dev.lookahead.io.TextLines.readWhole(file);
        SearchGraph graph = switch (format) {
            case JSON -> readJson(file, text);
            case DOT -> readDot(file, text);
            case GRAPHML -> readGraphMl(file, text);
            case TOKENS -> readTokens(file, text);
        };
        return checked(graph, file, format, text);
    }

    /** A graph from the text of a lookahead graph JSON held inside another file (a session), checked as {@link #read} checks. */
    public static SearchGraph parseJson(String text, Path origin) throws IOException {
        return checked(readJson(origin, text), origin, GraphFormat.JSON, text);
    }

    private static SearchGraph checked(SearchGraph graph, Path file, GraphFormat format, String text) throws GraphFileException {
        List<SearchGraph.Problem> problems = graph.problems();
        if (!problems.isEmpty()) {
            SearchGraph.Problem first = problems.get(0);
            int line = first.edgeIndex() < 0 ? 0 : edgeLine(format, text, first.edgeIndex(), graph.edges().get(first.edgeIndex()));
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : "";
            throw new GraphFileException(file, line, first.message() + more);
        }
        return graph;
    }

    public static void write(SearchGraph graph, Path file) throws IOException {
        write(graph, file, GraphFormat.of(file));
    }

    public static void write(SearchGraph graph, Path file, GraphFormat format) throws IOException {
        String text = switch (format) {
            case JSON -> toJson(graph);
            case DOT -> toDot(graph);
            case GRAPHML -> toGraphMl(graph);
            case TOKENS -> throw new IllegalArgumentException("use writeTokens: a token line needs the model's n");
        };
        AtomicFiles.writeString(file, text);
    }

    /** Writes the first-step token line of the graph for a model of the given size. */
    public static void writeTokens(SearchGraph graph, TokenLayout layout, Path file) throws IOException {
        int[] tokens = Tokenizer.encode(graph.toInput(layout));
        StringBuilder line = new StringBuilder();
        for (int token : tokens) line.append(line.isEmpty() ? "" : " ").append(token);
        AtomicFiles.writeString(file, line + "\n");
    }

    // ---- JSON -------------------------------------------------------------------------------

    public static String toJson(SearchGraph graph) {
        List<Object> vertices = new ArrayList<>();
        for (int id : graph.vertices()) {
            SearchGraph.Position p = graph.positions().get(id);
            vertices.add(p == null ? (Object) id : new PlacedVertex(id, p.x(), p.y()));
        }
        List<int[]> edges = graph.edges().stream().map(e -> new int[] {e.from(), e.to()}).toList();
        return Json.pretty(new GraphJson(JSON_FORMAT_NAME, JSON_VERSION, vertices, edges, graph.start(), graph.goal())).stripTrailing() + "\n";
    }

    /** A graph as the workbench's JSON format holds it: vertices (a bare id, or one placed by hand), edges as [from, to] pairs. */
    record GraphJson(String format, int version, List<Object> vertices, List<int[]> edges,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Integer start, @JsonInclude(JsonInclude.Include.NON_NULL) Integer goal) {
    }

    /** A vertex with the place it was given on the canvas. */
    record PlacedVertex(int id, double x, double y) {
    }

    static SearchGraph readJson(Path file, String text) throws GraphFileException {
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = Json.MAPPER.readTree(text);
            lines = pointerLines(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new GraphFileException(file, line, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new GraphFileException(file, 0, "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new GraphFileException(file, 1, "expected a JSON object with vertices and edges");
        JsonReader reader = new JsonReader(file, lines);
        JsonNode format = root.get("format");
        if (format != null && !JSON_FORMAT_NAME.equals(format.asText())) {
            throw reader.error("/format", "this is a '" + format.asText() + "' file, not a " + JSON_FORMAT_NAME + " file");
        }
        JsonNode version = root.get("version");
        if (version != null && (!version.isInt() || version.asInt() > JSON_VERSION)) {
            throw reader.error("/version", "format version " + version + " is newer than this workbench reads (" + JSON_VERSION + ")");
        }
        List<Integer> vertices = new ArrayList<>();
        Map<Integer, SearchGraph.Position> positions = new LinkedHashMap<>();
        JsonNode vertexArray = root.path("vertices");
        if (!vertexArray.isMissingNode() && !vertexArray.isArray()) throw reader.error("/vertices", "'vertices' must be an array");
        for (int i = 0; i < vertexArray.size(); i++) {
            JsonNode vertex = vertexArray.get(i);
            String at = "/vertices/" + i;
            if (vertex.isObject()) {
                int id = reader.integer(vertex.get("id"), at + "/id", "a vertex id");
                vertices.add(id);
                if (vertex.has("x") || vertex.has("y")) {
                    positions.put(id, new SearchGraph.Position(reader.number(vertex.get("x"), at + "/x"),
                            reader.number(vertex.get("y"), at + "/y")));
                }
            } else {
                vertices.add(reader.integer(vertex, at, "a vertex id"));
            }
        }
        JsonNode edgeArray = root.get("edges");
        if (edgeArray == null || !edgeArray.isArray()) throw reader.error("", "expected an array 'edges' of [from, to] pairs");
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < edgeArray.size(); i++) {
            JsonNode edge = edgeArray.get(i);
            String at = "/edges/" + i;
            if (!edge.isArray() || edge.size() != 2) throw reader.error(at, "edge " + (i + 1) + " must be a pair [from, to], found " + edge);
            edges.add(new Edge(reader.integer(edge.get(0), at + "/0", "a vertex id"), reader.integer(edge.get(1), at + "/1", "a vertex id")));
        }
        Integer start = root.hasNonNull("start") ? reader.integer(root.get("start"), "/start", "the start vertex") : null;
        Integer goal = root.hasNonNull("goal") ? reader.integer(root.get("goal"), "/goal", "the goal vertex") : null;
        return new SearchGraph(vertices, edges, start, goal, positions);
    }

    /** The line on which each JSON pointer's value starts, for messages about a well-formed document. */
    private static Map<String, Integer> pointerLines(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token.isStructEnd()) continue;
                JsonStreamContext context = token.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext();
                lines.putIfAbsent(context.pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
            }
        }
        return lines;
    }

    /** Typed reads from a JSON tree that report problems with the line of the offending value. */
    private record JsonReader(Path file, Map<String, Integer> lines) {
        GraphFileException error(String pointer, String problem) {
            return new GraphFileException(file, lines.getOrDefault(pointer, 0), problem);
        }

        int integer(JsonNode node, String pointer, String what) throws GraphFileException {
            if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
                throw error(pointer, "expected " + what + " (an integer), found " + (node == null ? "nothing" : node));
            }
            return node.intValue();
        }

        double number(JsonNode node, String pointer) throws GraphFileException {
            if (node == null || !node.isNumber()) throw error(pointer, "expected a number, found " + (node == null ? "nothing" : node));
            return node.doubleValue();
        }
    }

    // ---- DOT and GraphML (jgrapht-io) -------------------------------------------------------

    private record Imported(Graph<Integer, DefaultEdge> graph, Map<Integer, Map<String, String>> attributes) {
    }

    static SearchGraph readDot(Path file, String text) throws GraphFileException {
        DOTImporter<Integer, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> parseId(id));
        Imported imported = runImporter(file, text, (graph, consumer) -> {
            importer.addVertexAttributeConsumer(consumer);
            importer.importGraph(graph, new StringReader(text));
        });
        return toSearchGraph(imported, "pos");
    }

    static SearchGraph readGraphMl(Path file, String text) throws GraphFileException {
        try {
            SafeXml.check(text);
        } catch (SafeXml.Refused e) {
            throw new GraphFileException(file, e.line(), e.getMessage());
        }
        GraphMLImporter<Integer, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setSchemaValidation(false);
        importer.setVertexFactory(id -> parseId(id));
        Imported imported = runImporter(file, text, (graph, consumer) -> {
            importer.addVertexAttributeConsumer(consumer);
            importer.importGraph(graph, new StringReader(text));
        });
        return toSearchGraph(imported, null);
    }

    private interface ImportRun {
        void run(Graph<Integer, DefaultEdge> graph,
                 java.util.function.BiConsumer<org.jgrapht.alg.util.Pair<Integer, String>, Attribute> attributes);
    }

    private static Imported runImporter(Path file, String text, ImportRun run) throws GraphFileException {
        Graph<Integer, DefaultEdge> graph = new DirectedPseudograph<>(DefaultEdge.class);
        Map<Integer, Map<String, String>> attributes = new HashMap<>();
        try {
            run.run(graph, (key, value) -> attributes.computeIfAbsent(key.getFirst(), k -> new HashMap<>())
                    .put(key.getSecond(), value.getValue()));
        } catch (ImportException | IllegalArgumentException e) {
            String message = rootMessage(e);
            throw new GraphFileException(file, lineIn(message, text), message);
        }
        return new Imported(graph, attributes);
    }

    private static int parseId(String id) {
        try {
            return Integer.parseInt(id.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("vertex '" + id + "' is not a positive integer id; the model reads vertices by number");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String message = cause.getMessage() != null ? cause.getMessage() : e.getMessage();
        return message == null ? "unreadable" : message;
    }

    /** A line number that the importer's message names ("line 3" or "[3:5]"), else 0. */
    private static int lineIn(String message, String text) {
        Matcher m = Pattern.compile("(?:line |\\[)(\\d+)[:,\\]]?").matcher(message);
        if (m.find()) return Integer.parseInt(m.group(1));
        Matcher vertex = Pattern.compile("vertex '([^']*)'").matcher(message);
        if (vertex.find()) return firstLineMatching(text, Pattern.compile("(^|[\\s\"{;])" + Pattern.quote(vertex.group(1)) + "([\\s\";\\[]|->|$)"));
        return 0;
    }

    private static SearchGraph toSearchGraph(Imported imported, String positionKey) {
        Graph<Integer, DefaultEdge> graph = imported.graph();
        List<Edge> edges = new ArrayList<>();
        for (DefaultEdge e : graph.edgeSet()) edges.add(new Edge(graph.getEdgeSource(e), graph.getEdgeTarget(e)));
        Integer start = null;
        Integer goal = null;
        Map<Integer, SearchGraph.Position> positions = new LinkedHashMap<>();
        for (int v : graph.vertexSet()) {
            Map<String, String> attrs = imported.attributes().getOrDefault(v, Map.of());
            String role = attrs.getOrDefault("role", "");
            if (role.equals("start")) start = v;
            if (role.equals("goal")) goal = v;
            SearchGraph.Position position = position(attrs, positionKey);
            if (position != null) positions.put(v, position);
        }
        return new SearchGraph(List.copyOf(graph.vertexSet()), edges, start, goal, positions);
    }

    private static SearchGraph.Position position(Map<String, String> attrs, String positionKey) {
        try {
            if (positionKey != null && attrs.containsKey(positionKey)) {
                String[] parts = attrs.get(positionKey).replace("!", "").split(",");
                return new SearchGraph.Position(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
            }
            if (attrs.containsKey("x") && attrs.containsKey("y")) {
                return new SearchGraph.Position(Double.parseDouble(attrs.get("x")), Double.parseDouble(attrs.get("y")));
            }
        } catch (RuntimeException e) {
            return null; // a malformed position only loses the drawing position, never the graph
        }
        return null;
    }

    private static Graph<Integer, DefaultEdge> toJGraphT(SearchGraph graph) {
        Graph<Integer, DefaultEdge> g = new DirectedPseudograph<>(DefaultEdge.class);
        graph.vertices().forEach(g::addVertex);
        for (Edge e : graph.edges()) g.addEdge(e.from(), e.to());
        return g;
    }

    private static Map<String, Attribute> vertexAttributes(SearchGraph graph, int v, boolean dotPosition) {
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        if (Integer.valueOf(v).equals(graph.start())) attrs.put("role", DefaultAttribute.createAttribute("start"));
        if (Integer.valueOf(v).equals(graph.goal())) attrs.put("role", DefaultAttribute.createAttribute("goal"));
        SearchGraph.Position p = graph.positions().get(v);
        if (p != null && dotPosition) attrs.put("pos", DefaultAttribute.createAttribute(p.x() + "," + p.y()));
        if (p != null && !dotPosition) {
            attrs.put("x", DefaultAttribute.createAttribute(p.x()));
            attrs.put("y", DefaultAttribute.createAttribute(p.y()));
        }
        return attrs;
    }

    static String toDot(SearchGraph graph) {
        DOTExporter<Integer, DefaultEdge> exporter = new DOTExporter<>(String::valueOf);
        exporter.setVertexAttributeProvider(v -> vertexAttributes(graph, v, true));
        java.io.StringWriter out = new java.io.StringWriter();
        exporter.exportGraph(toJGraphT(graph), out);
        return out.toString();
    }

    static String toGraphMl(SearchGraph graph) {
        GraphMLExporter<Integer, DefaultEdge> exporter = new GraphMLExporter<>(String::valueOf);
        exporter.registerAttribute("role", GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        exporter.registerAttribute("x", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.registerAttribute("y", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.setVertexAttributeProvider(v -> vertexAttributes(graph, v, false));
        java.io.StringWriter out = new java.io.StringWriter();
        exporter.exportGraph(toJGraphT(graph), out);
        return out.toString();
    }

    // ---- token line -------------------------------------------------------------------------

    static SearchGraph readTokens(Path file, String text) throws GraphFileException {
        String[] lines = text.split("\\R");
        int lineNumber = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                lineNumber = i + 1;
                break;
            }
        }
        if (lineNumber == 0) throw new GraphFileException(file, 0, "the file is empty; expected one line of token ids");
        String[] words = lines[lineNumber - 1].trim().split("[\\s,]+");
        int[] tokens = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            try {
                tokens[i] = Integer.parseInt(words[i]);
            } catch (NumberFormatException e) {
                throw new GraphFileException(file, lineNumber, "token " + (i + 1) + " ('" + words[i] + "') is not an integer");
            }
        }
        try {
            SearchInput input = Tokenizer.decode(new TokenLayout(tokens.length), tokens);
            return SearchGraph.of(input);
        } catch (IllegalArgumentException e) {
            throw new GraphFileException(file, lineNumber, "as a sequence of n = " + tokens.length + " tokens, " + e.getMessage());
        }
    }

    // ---- locating problems ------------------------------------------------------------------

    private static int edgeLine(GraphFormat format, String text, int index, Edge edge) {
        return switch (format) {
            case JSON -> jsonEdgeLine(text, index);
            case DOT -> lastLineMatching(text, Pattern.compile("(^|[\\s\"{;])\"?" + edge.from() + "\"?\\s*->\\s*\"?" + edge.to() + "([\\s\";\\[]|$)"));
            case GRAPHML -> lastLineMatching(text, Pattern.compile("source=\"" + edge.from() + "\"[^>]*target=\"" + edge.to() + "\""));
            case TOKENS -> 1;
        };
    }

    private static int jsonEdgeLine(String text, int index) {
        try {
            return pointerLines(text).getOrDefault("/edges/" + index, 0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last matching line: for a repeated edge, the repetition. */
    private static int lastLineMatching(String text, Pattern pattern) {
        String[] lines = text.split("\\R", -1);
        int last = 0;
        for (int i = 0; i < lines.length; i++) if (pattern.matcher(lines[i]).find()) last = i + 1;
        return last;
    }

    private static int firstLineMatching(String text, Pattern pattern) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) if (pattern.matcher(lines[i]).find()) return i + 1;
        return 0;
    }
}
