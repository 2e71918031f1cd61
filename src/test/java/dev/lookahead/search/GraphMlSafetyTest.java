package dev.lookahead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GraphML file can never make the reader open another file or fetch anything over the network. */
class GraphMlSafetyTest {
    @TempDir
    Path dir;

    private static String graphMl(String doctype, String startId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                %s<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="role" for="node" attr.name="role" attr.type="string"/>
                  <graph edgedefault="directed">
                    <node id="%s"><data key="role">start</data></node>
                    <node id="2"><data key="role">goal</data></node>
                    <edge source="%s" target="2"/>
                  </graph>
                </graphml>
                """.formatted(doctype, startId, startId);
    }

    @Test
    void anExternalEntityNamingALocalFileIsRefusedAndTheFileIsNotRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "7");
        Path file = Files.writeString(dir.resolve("xxe.graphml"),
                graphMl("<!DOCTYPE graphml [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">]>\n", "&s;"));
        assertThatThrownBy(() -> GraphFiles.read(file)).isInstanceOf(GraphFileException.class)
                .hasMessageContaining("xxe.graphml line 2").hasMessageContaining("DOCTYPE declaration is refused");
    }

    @Test
    void anExternalDtdIsNeverFetched() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY s \"1\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String dtd = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            Path file = Files.writeString(dir.resolve("dtd.graphml"),
                    graphMl("<!DOCTYPE graphml SYSTEM \"" + dtd + "\">\n", "&s;"));
            assertThatThrownBy(() -> GraphFiles.read(file)).isInstanceOf(GraphFileException.class)
                    .hasMessageContaining("DOCTYPE declaration is refused");
            assertThat(requests.get()).as("requests the reader sent to the DTD's server").isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theSameGraphWithTheEntityTextWrittenInPlaceOpens() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.graphml"), graphMl("", "7"));
        SearchGraph graph = GraphFiles.read(file);
        assertThat(graph.start()).isEqualTo(7);
        assertThat(graph.goal()).isEqualTo(2);
    }

    @Test
    void brokenXmlNamesItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.graphml"), graphMl("", "7").replace("</graph>", "</grph>"));
        assertThatThrownBy(() -> GraphFiles.read(file)).isInstanceOf(GraphFileException.class)
                .hasMessageContaining("broken.graphml line 8").hasMessageContaining("not well-formed XML");
    }
}
