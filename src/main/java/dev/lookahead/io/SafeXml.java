package dev.lookahead.io;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The gate every XML text passes before a library parses it: a hardened parser reads it once and
 * refuses any document type declaration, so no DTD, no external entity and no internal entity can
 * reach the real reader. A file opened by a user therefore never reads or fetches anything else.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /** An XML text refused, with its 1-based line (0 when unknown) and the reason. */
    public static final class Refused extends Exception {
        private final int line;

        Refused(int line, String problem) {
            super(problem);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** Reads {@code text} with DTDs and entities off; throws when it declares a DOCTYPE or is not well-formed XML. */
    public static void check(String text) throws Refused {
        try {
            XMLReader reader = hardenedFactory().newSAXParser().getXMLReader();
            DefaultHandler quiet = new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e; // reported by the caller, not printed on standard error
                }
            };
            reader.setContentHandler(quiet);
            reader.setErrorHandler(quiet);
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("refused to resolve the external entity " + systemId);
            });
            reader.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new Refused(e.getLineNumber(), describe(e));
        } catch (SAXException | IOException e) {
            throw new Refused(0, String.valueOf(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this Java's XML parser cannot be hardened: " + e.getMessage(), e);
        }
    }

    private static SAXParserFactory hardenedFactory() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory;
    }

    private static String describe(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "a DOCTYPE declaration is refused: graph files may not declare DTDs or entities"
                    + " (they could read or fetch other files); write the entity's text in place and remove the DOCTYPE";
        }
        return "not well-formed XML: " + message;
    }
}
