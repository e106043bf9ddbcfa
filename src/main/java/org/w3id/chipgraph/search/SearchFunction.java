package org.w3id.chipgraph.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PFuncSimple;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.w3id.chipgraph.PerVersion;
import org.w3id.chipgraph.QueryArgumentException;

/**
 * The label index inside SPARQL: {@code ?entity cgf:search "엔비"} binds every entity one of
 * whose names matches, best match first (at most {@value #LIMIT}); with the subject given it
 * tests that one entity. Namespace {@code https://w3id.org/chipgraph/function#}.
 */
public final class SearchFunction extends PFuncSimple {
    public static final String IRI = "https://w3id.org/chipgraph/function#search";
    static final int LIMIT = 1000;

    public static void register() {
        PropertyFunctionRegistry.get().put(IRI, SearchFunction.class);
    }

    @Override
    public QueryIterator execEvaluated(Binding b, Node s, Node p, Node o, ExecutionContext cxt) {
        if (!o.isLiteral())
            throw new QueryArgumentException("cgf:search needs the text to look for on its right, e.g. ?e cgf:search \"엔비\"");
        List<Binding> out = new ArrayList<>();
        for (LabelIndex.Hit h : PerVersion.get(cxt, LabelIndex.KEY, LabelIndex::build).search(o.getLiteralLexicalForm(), LIMIT)) {
            Node e = NodeFactory.createURI(h.iri());
            if (s.isVariable())
                out.add(BindingFactory.binding(b, Var.alloc(s), e));
            else if (s.equals(e))
                out.add(b);
        }
        return QueryIterPlainWrapper.create(out.iterator(), cxt);
    }
}
