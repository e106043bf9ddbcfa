package org.w3id.chipgraph.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprTransformer;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;

/**
 * The optimizer of the SPARQL endpoint: before Jena's own, it makes the query's algebra keep to the
 * server's limits while it runs. REGEX, REPLACE, {@code fn:matches} and {@code fn:replace} match
 * under the query's deadline ({@link DeadlineRegex}, {@link DeadlineReplace}); GROUP_CONCAT and
 * string-building functions are capped ({@link CappedGroupConcat}, {@link StringLimit}). Since this
 * runs first, Jena's constant folding never evaluates a regular expression outside the deadline.
 * What a SERVICE sends to another endpoint is left as written.
 */
final class GuardedOptimizer {
    private GuardedOptimizer() {}

    private static final String FN = "http://www.w3.org/2005/xpath-functions#";

    /** Install with {@code context.set(ARQConstants.sysOptimizerFactory, factory(n))}. */
    static RewriteFactory factory(long maxStringChars) {
        return context -> op -> Optimize.getFactory().create(context).rewrite(guard(op, maxStringChars));
    }

    static Op guard(Op op, long maxStringChars) {
        Exprs exprs = new Exprs(maxStringChars);
        return Transformer.transform(new Ops(exprs, maxStringChars), exprs, op);
    }

    private static final class Exprs extends ExprTransformCopy {
        private final long max;

        Exprs(long max) {
            this.max = max;
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex && !(func instanceof DeadlineRegex))
                return new DeadlineRegex(args.get(0), args.get(1), arg(args, 2));
            if (func instanceof E_StrReplace && !(func instanceof DeadlineReplace))
                return new DeadlineReplace(args.get(0), args.get(1), args.get(2), arg(args, 3), max);
            if (func instanceof E_Function f) {
                if ((FN + "matches").equals(f.getFunctionIRI()) && args.size() >= 2)
                    return new DeadlineRegex(args.get(0), args.get(1), arg(args, 2));
                if ((FN + "replace").equals(f.getFunctionIRI()) && args.size() >= 3)
                    return new DeadlineReplace(args.get(0), args.get(1), args.get(2), arg(args, 3), max);
                return new StringLimit(super.transform(func, args), max);
            }
            if (func instanceof E_StrConcat)
                return new StringLimit(super.transform(func, args), max);
            return super.transform(func, args);
        }

        @Override
        public Expr transform(ExprFunction1 func, Expr arg) {
            if (func instanceof E_StrEncodeForURI || func instanceof E_StrUpperCase || func instanceof E_StrLowerCase)
                return new StringLimit(super.transform(func, arg), max);
            return super.transform(func, arg);
        }

        private static Expr arg(ExprList args, int i) {
            return args.size() > i ? args.get(i) : null;
        }
    }

    private static final class Ops extends TransformCopy {
        private final Exprs exprs;
        private final long max;
        /** Characters built by every GROUP_CONCAT of this query, counted together. */
        private final AtomicLong built = new AtomicLong();

        Ops(Exprs exprs, long max) {
            this.exprs = exprs;
            this.max = max;
        }

        @Override
        public Op transform(OpService opService, Op subOp) {
            return opService;   // sent as text to the remote endpoint: keep the user's query
        }

        @Override
        public Op transform(OpGroup opGroup, Op subOp) {
            List<ExprAggregator> aggregators = new ArrayList<>();
            for (ExprAggregator ea : opGroup.getAggregators())
                aggregators.add(new ExprAggregator(ea.getVar(), capped(ea.getAggregator())));
            return OpGroup.create(subOp, opGroup.getGroupVars(), aggregators);
        }

        private Aggregator capped(Aggregator agg) {
            ExprList args = new ExprList();
            if (agg.getExprList() != null)
                agg.getExprList().forEach(e -> args.add(ExprTransformer.transform(exprs, e)));
            if (agg instanceof AggGroupConcat g && !(agg instanceof CappedGroupConcat))
                return new CappedGroupConcat(args.get(0), g.getSeparator(), false, max, built);
            if (agg instanceof AggGroupConcatDistinct g)
                return new CappedGroupConcat(args.get(0), g.getSeparator(), true, max, built);
            return agg.getExprList() == null ? agg : agg.copy(args);
        }
    }
}
