package org.w3id.chipgraph;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** IRIs every stage shares: namespaces and the special named graphs (see docs/MODEL.md). */
public final class Chipgraph {
    private Chipgraph() {}

    public static final String BASE = "https://w3id.org/chipgraph/";
    public static final String ONTOLOGY_IRI = BASE + "ontology";
    public static final String NS = ONTOLOGY_IRI + "#";
    public static final String ID = BASE + "id/";
    public static final String SOURCE = ID + "source/";
    public static final String GRAPH = BASE + "graph/";
    public static final String CLAIMS_GRAPH_PREFIX = GRAPH + "claims/";

    public static final Node GRAPH_ONTOLOGY = NodeFactory.createURI(GRAPH + "ontology");
    public static final Node GRAPH_SOURCES = NodeFactory.createURI(GRAPH + "sources");
    public static final Node GRAPH_INFERRED = NodeFactory.createURI(GRAPH + "inferred");
    /** RDF 1.2 reifiers explaining each dependency pair; left out of the OWL checks. */
    public static final Node GRAPH_EXPLANATIONS = NodeFactory.createURI(GRAPH + "explanations");
    /** Every entity's type, names and sources; each entity there names its own sources. */
    public static final Node GRAPH_REGISTER = NodeFactory.createURI(GRAPH + "register");

    /** The SPARQL prefixes users expect; prepended nowhere, offered to query writers and printers. */
    public static final String PREFIXES = """
            PREFIX cg: <https://w3id.org/chipgraph/ontology#>
            PREFIX id: <https://w3id.org/chipgraph/id/>
            PREFIX src: <https://w3id.org/chipgraph/id/source/>
            PREFIX g: <https://w3id.org/chipgraph/graph/>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dct: <http://purl.org/dc/terms/>
            """;

    /** Graphs the OWL 2 DL checks and HermiT leave out: claims and explanations (opinions and derivations, not facts about the world). */
    public static boolean isOutsideOwlChecks(Node graph) {
        return isClaimsGraph(graph) || graph.equals(GRAPH_EXPLANATIONS);
    }

    public static boolean isClaimsGraph(Node graph) {
        return graph.isURI() && graph.getURI().startsWith(CLAIMS_GRAPH_PREFIX);
    }
}
