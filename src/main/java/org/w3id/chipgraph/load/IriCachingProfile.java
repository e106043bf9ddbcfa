package org.w3id.chipgraph.load;

import java.io.InputStream;
import java.util.Arrays;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParserRegistry;
import org.apache.jena.riot.ReaderRIOT;
import org.apache.jena.riot.SysRIOT;
import org.apache.jena.riot.system.CDTAwareParserProfile;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.FactoryRDF;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.util.Context;

/**
 * Jena's parser profile for Turtle and TriG, made as {@code RDFParser} makes it for them (literals
 * of the CDT datatypes understood, IRIs resolved against the base and checked), that remembers
 * the node each IRI as written became and each literal it has checked.
 *
 * <p>Why: Jena's resolver remembers 500 IRIs. A file about 200,000 entities names most of them
 * many times, and every mention was parsed, resolved and checked afresh (RFC 3986): a third of
 * the parsers' time at scale 100 (JFR). An IRI as written means the same until the base changes
 * (the cache is emptied then), and its first mention was checked: a bad IRI has stopped the load
 * already, since every parser warning is an error here. Likewise a literal (its lexical form
 * against its datatype, its language tag) is checked once per parse. (Only what this parse
 * checked is skipped: the shared {@link ParserTermCache} also holds what other syntaxes' parsers
 * made, whose checks this class does not know.)
 */
final class IriCachingProfile extends CDTAwareParserProfile {
    private final String[] written;
    private final Node[] nodes, literals;
    private final int mask;

    private IriCachingProfile(FactoryRDF factory, ErrorHandler errors, String base, Context context, int slots) {
        // RDFParser's settings for Turtle and TriG: resolve against the base, no relative IRIs, checking on.
        super(factory, errors, IRIxResolver.create().base(base).resolve(true).allowRelative(false).build(),
                PrefixMapFactory.create(), context, true, SysRIOT.isStrictMode());
        int n = ParserTermCache.tableSize(slots);
        written = new String[n];
        nodes = new Node[n];
        literals = new Node[n];
        mask = n - 1;
    }

    /** Whether {@link #parse} reads this language (the others are parsed by RDFParser as they are). */
    static boolean reads(Lang lang) {
        return Lang.TURTLE.equals(lang) || Lang.TRIG.equals(lang);
    }

    /**
     * Parses {@code in} (Turtle or TriG, UTF-8) against {@code base} into {@code sink}, with nodes
     * from {@code terms} and {@code slots} IRIs remembered.
     */
    static void parse(InputStream in, String base, Lang lang, ParserTermCache terms, ErrorHandler errors, Context context,
                      int slots, StreamRDF sink) {
        FactoryRDF factory = terms.factory();
        IriCachingProfile profile = new IriCachingProfile(factory, errors, base, context, slots);
        ReaderRIOT reader = RDFParserRegistry.getFactory(lang).create(lang, profile);
        factory.reset();   // as RDFParser does before each parse: fresh blank node labels
        reader.read(in, base, lang.getContentType(), sink, context);
    }

    @Override
    public Node createURI(String iri, long line, long col) {
        int i = ParserTermCache.slot(iri.hashCode(), mask);
        if (iri.equals(written[i]))
            return nodes[i];
        Node made = super.createURI(iri, line, col);
        if (made.isURI()) {   // "<_:label>" is a blank node of this parse: not kept
            written[i] = iri;
            nodes[i] = made;
        }
        return made;
    }

    @Override
    public Node createTypedLiteral(String lexical, RDFDatatype datatype, long line, long col) {
        return ParserTermCache.literalIn(literals, mask, lexical, datatype, "", () -> super.createTypedLiteral(lexical, datatype, line, col));
    }

    @Override
    public Node createLangLiteral(String lexical, String lang, long line, long col) {
        return ParserTermCache.literalIn(literals, mask, lexical, null, lang, () -> super.createLangLiteral(lexical, lang, line, col));
    }

    @Override
    public Node createStringLiteral(String lexical, long line, long col) {
        return ParserTermCache.literalIn(literals, mask, lexical, XSDDatatype.XSDstring, "", () -> super.createStringLiteral(lexical, line, col));
    }

    @Override
    public void setBaseIRI(String base) {
        super.setBaseIRI(base);
        Arrays.fill(written, null);   // a relative IRI means something else now
        Arrays.fill(nodes, null);
    }
}
