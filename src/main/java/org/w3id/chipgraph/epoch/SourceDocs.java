package org.w3id.chipgraph.epoch;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.chipgraph.Chipgraph;

/**
 * The source entries of the Epoch imports, written into graph/sources: one per dataset (title,
 * publisher Epoch AI, licence CC BY 4.0, the attribution Epoch asks for, the file's SHA-256 as
 * its version) and one per datasheet that a hardware row links to.
 */
final class SourceDocs {
    static final String DCT = "http://purl.org/dc/terms/";
    static final Node EPOCH_AI = NodeFactory.createURI(Chipgraph.ID + "epoch-ai");
    static final Node CC_BY = NodeFactory.createURI("https://creativecommons.org/licenses/by/4.0/");
    static final String ATTRIBUTION = "Data: Epoch AI (epoch.ai), licensed CC BY 4.0.";

    private SourceDocs() {}

    static Node sourceIri(String slug) {
        return NodeFactory.createURI(Chipgraph.SOURCE + slug);
    }

    static Node graphIri(String slug) {
        return NodeFactory.createURI(Chipgraph.GRAPH + slug);
    }

    /** The dataset's source entry, and the line tying {@code graph} to it. */
    static void dataset(Triples out, Node src, Node graph, String title, String url, String date, EpochFile f) {
        Node g = Chipgraph.GRAPH_SOURCES;
        String where = f.name();
        out.add(g, src, RDF.type.asNode(), Known.cg("SourceDocument"), where);
        out.add(g, src, RDFS.label.asNode(), Triples.en("Epoch AI, " + title + " (" + f.name() + ", imported by load)"), where);
        out.add(g, src, p("title"), Triples.en(title), where);
        out.add(g, src, p("publisher"), EPOCH_AI, where);
        out.add(g, src, p("creator"), EPOCH_AI, where);
        out.add(g, src, p("date"), Triples.date(date), where);
        out.add(g, src, p("language"), Triples.str("en"), where);
        out.add(g, src, p("license"), CC_BY, where);
        out.add(g, src, OWL.versionInfo.asNode(), Triples.str("sha256:" + f.sha256()), where);
        out.add(g, src, Known.cg("url"), Triples.anyUri(url), where);
        out.add(g, src, Known.cg("citation"), Triples.str("Epoch AI, \"" + title + "\", " + url + ". " + ATTRIBUTION
                + " File " + f.name() + ", SHA-256 " + f.sha256() + (f.pinned() ? " (the copy shipped in data/epoch-ai/)." : " (a newer copy).")), where);
        out.add(g, src, Known.cg("grade"), Triples.str("S"), where);
        out.add(g, src, RDFS.comment.asNode(), Triples.en("dct:date: the latest 'Last modified' or publication date in the file."), where);
        out.add(g, graph, Organizations.PROV_DERIVED, src, where);
    }

    /** A datasheet (or other page) that Epoch links from a row, as a source of that row's facts. */
    static void datasheet(Triples out, Node src, String chipName, String url, String date, String where) {
        Node g = Chipgraph.GRAPH_SOURCES;
        out.add(g, src, RDF.type.asNode(), Known.cg("SourceDocument"), where);
        out.add(g, src, RDFS.label.asNode(), Triples.en("Datasheet of " + chipName + " (linked by Epoch AI)"), where);
        out.add(g, src, p("title"), Triples.en("[Datasheet or specification page of " + chipName + "]"), where);
        out.add(g, src, p("date"), Triples.date(date), where);
        out.add(g, src, Known.cg("url"), Triples.anyUri(url), where);
        out.add(g, src, Known.cg("grade"), Triples.str("S"), where);
        out.add(g, src, RDFS.comment.asNode(), Triples.en("Linked from the row of " + chipName + " in Epoch AI's "
                + "Data on Machine Learning Hardware; dct:date: the day Epoch last modified that row (the page is not dated here)."), where);
    }

    private static Node p(String dct) {
        return NodeFactory.createURI(DCT + dct);
    }
}
