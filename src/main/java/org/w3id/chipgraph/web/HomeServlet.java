package org.w3id.chipgraph.web;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.chipgraph.search.LabelIndex;

/**
 * The home page at {@code /}: what chipgraph is, the search box, and the example questions
 * (the catalogue queries that answer a competency question). Mapped to the context root only.
 */
final class HomeServlet extends HttpServlet {
    private final NamedQueries queries;

    HomeServlet(Path project) {
        this.queries = new NamedQueries(project);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        LabelIndex idx = LabelIndex.of(Served.dataset(getServletContext()));
        String body = """
                <section class="intro">
                <h1>chipgraph</h1>
                <p class="lead">A knowledge graph of AI chips and geopolitics: the chips, the companies that design, make and
                use them, the governments and agencies that regulate them, and the policies between them — export controls,
                entity listings, licences, revenue shares, China's procurement guidance and probes.</p>
                <p>Every fact sits in the named graph of its source document; opinions are kept as attributed claims;
                dependencies are reasoned so that indirect ones answer directly. %d named things (entities, source
                documents, claims), searchable by their English, Korean and Chinese names.</p>
                <p class="try">Try: <a href="/search?q=%s">엔비디아</a> · <a href="/search?q=%s">英伟达</a> ·
                <a href="/search?q=H200">H200</a> · <a href="/search?q=BIS">BIS</a> · <a href="/search?q=TSMC">TSMC</a></p>
                </section>
                <section aria-labelledby="questions-h">
                <h2 id="questions-h">Questions it answers</h2>
                %s
                <p><a href="/queries">All queries</a> · as JSON at <a href="/api/queries">/api/queries</a></p>
                </section>
                <section aria-labelledby="use-h">
                <h2 id="use-h">Use it</h2>
                <ul>
                <li><a href="/ui/">Query editor</a> (Fuseki UI); SPARQL endpoint <code>/chipgraph/sparql</code>, read-only.</li>
                <li><a href="/ontology">The ontology</a>: classes and properties with their English, Korean and Chinese labels.</li>
                <li>Every entity has a page at its IRI, e.g. <code>/id/nvidia</code>; RDF clients get Turtle or JSON-LD there.</li>
                <li>APIs: <code>/api/search?q=</code>, <code>/api/queries</code>, <code>/api/neighbourhood?entity=</code>,
                <code>/api/explain</code>, <code>/api/impact</code>, <code>/api/chokepoints</code> (JSON, or CSV by Accept).</li>
                </ul>
                </section>
                """.formatted(idx.entityCount(), Html.url("엔비디아"), Html.url("英伟达"),
                QueryPageServlet.catalogList(queries.catalog().queries(), true));
        Served.html(resp, 200, Html.page("chipgraph", null, body));
    }
}
