package org.w3id.chipgraph.serve;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.rdf.model.impl.Util;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.pfunction.library.strSplit;
import org.apache.jena.sparql.util.IterLib;
import org.apache.jena.sparql.util.MappedLoader;

/**
 * ARQ's {@code apf:strSplit} with its regular expression matched under the query's deadline
 * ({@link CancellableChars}); the same answers otherwise (tokens trimmed, as Jena's StrUtils.split).
 */
public final class DeadlineStrSplit extends strSplit {
    static final String IRI = "http://jena.apache.org/ARQ/property#strSplit";

    /** Replaces ARQ's, JVM-wide: the same results, and it stops when the query is cancelled. */
    static void install() {
        PropertyFunctionRegistry.get().put(IRI, DeadlineStrSplit.class);
        // ARQ maps the apf: IRI to java:...strSplit before it looks it up: replace that entry too.
        String mapped = MappedLoader.mapDynamicURI(IRI);
        if (mapped != null)
            PropertyFunctionRegistry.get().put(mapped, DeadlineStrSplit.class);
    }

    @Override
    public QueryIterator execEvaluated(Binding binding, Node subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
        if (!object.getArg(0).isLiteral() || !object.getArg(1).isLiteral())
            return IterLib.noResults(execCxt);
        String s = object.getArg(0).getLiteralLexicalForm();
        Pattern regex;
        try {
            regex = Pattern.compile(object.getArg(1).getLiteralLexicalForm());
        } catch (PatternSyntaxException e) {
            throw new QueryBuildException("apf:strSplit: " + e.getDescription());
        }
        List<String> tokens = Arrays.stream(regex.split(CancellableChars.of(s, execCxt))).map(String::trim).toList();
        if (Var.isVar(subject)) {
            Var v = Var.alloc(subject);
            Iterator<Binding> it = Iter.map(tokens.iterator(), t -> BindingFactory.binding(binding, v, NodeFactory.createLiteralString(t)));
            return QueryIterPlainWrapper.create(it, execCxt);
        }
        if (Util.isSimpleString(subject) && tokens.contains(subject.getLiteralLexicalForm()))
            return IterLib.result(binding, execCxt);
        return IterLib.noResults(execCxt);
    }
}
