package org.incidentplatform.report.statuspage;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The public updates as an Atom 1.0 feed (RFC 4287), newest first. Written with the JDK's
 * StAX writer, which escapes text and attributes; characters XML 1.0 cannot carry at all are
 * dropped first, so hostile text can neither break nor inject markup.
 */
final class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int MAX_ENTRIES = 100;

    private AtomFeed() {
    }

    private record Entry(StatusSummary.Incident incident, StatusSummary.IncidentUpdate update) {
    }

    static String render(StatusBoard.Board board, String baseUrl) {
        StatusSummary s = board.summary();
        List<Entry> entries = new ArrayList<>();
        for (List<StatusSummary.Incident> incidents : List.of(s.incidents(), board.recentlyResolved())) {
            incidents.forEach(i -> i.incidentUpdates().forEach(u -> entries.add(new Entry(i, u))));
        }
        entries.sort(Comparator.comparing((Entry e) -> e.update().createdAt()).reversed());
        String updated = entries.isEmpty() ? (s.page().updatedAt() != null ? s.page().updatedAt() : "1970-01-01T00:00:00.000Z")
                : entries.getFirst().update().createdAt();
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", baseUrl + "/status/history.atom");
            element(xml, "title", s.page().name() + " - incident history");
            element(xml, "updated", updated);
            link(xml, "self", baseUrl + "/status/history.atom");
            link(xml, "alternate", baseUrl + "/status");
            xml.writeStartElement("author");
            element(xml, "name", s.page().name());
            xml.writeEndElement();
            for (Entry e : entries.subList(0, Math.min(MAX_ENTRIES, entries.size()))) {
                xml.writeStartElement("entry");
                element(xml, "id", baseUrl + "/status#update-" + e.update().id());
                element(xml, "title", e.incident().name() + " - " + e.update().status());
                element(xml, "updated", e.update().updatedAt());
                element(xml, "published", e.update().displayAt());
                link(xml, "alternate", e.incident().shortlink());
                xml.writeStartElement("content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(clean(e.update().body()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the Atom feed", e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", clean(href));
    }

    /** Keeps only the characters XML 1.0 allows (tab, newline, carriage return and the printable ranges). */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
