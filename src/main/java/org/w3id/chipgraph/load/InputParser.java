package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.riot.system.AsyncParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.FactoryRDFCaching;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.HaltPoint;
import org.w3id.chipgraph.NoRemoteDocuments;

/**
 * Parses every input strictly: any parser error or warning (bad IRI, ill-formed typed literal)
 * stops the load with the file, line and column. Nothing here touches the store.
 */
public final class InputParser {
    private final InputFiles files;

    public InputParser(InputFiles files) {
        this.files = files;
    }

    public ParsedInputs parseAll() {
        Graph ontology = parseGraph(files.ontology());
        Graph shapes = parseGraph(files.shapes());
        ParsedInputs parsed = new ParsedInputs(ontology, shapes, files.display(files.ontology()));
        parsed.noteSubjects(ontology, files.display(files.ontology()));

        // The source register is plain Turtle; it becomes the graph of sources.
        Graph sources = parseGraph(files.sources());
        parsed.noteSubjects(sources, files.display(files.sources()));
        parsed.integrity.noteFile(files.display(files.sources()), sources);
        parsed.noteDataFile(files.display(files.sources()), files.sources());
        sources.find().forEachRemaining(t -> parsed.data.add(Chipgraph.GRAPH_SOURCES, t.getSubject(), t.getPredicate(), t.getObject()));

        for (Path p : files.factFiles())
            addFactFile(parsed, p);
        return parsed;
    }

    /** Parse one fact file (TriG); every triple must sit inside a GRAPH block naming its source. */
    public void addFactFile(ParsedInputs parsed, Path p) {
        addFactFile(parsed, p, false);
    }

    /**
     * Parse an extra fact file named on the command line. Such a file is a dataset of its own
     * (a generated network, another curator's export) and may describe its own sources in a
     * {@code graph/sources} block, which joins data/sources.ttl's; other reserved graphs are refused.
     */
    public void addExtraFile(ParsedInputs parsed, Path p) {
        addFactFile(parsed, p, true);
    }

    static final int ASYNC_CHUNK = 1_000, ASYNC_QUEUE = 100;

    private void addFactFile(ParsedInputs parsed, Path p, boolean mayDescribeSources) {
        String name = files.display(p);
        // Straight into the loader's dataset as the parser goes: no copy of the file in between.
        FactFileSink sink = new FactFileSink(parsed, name, mayDescribeSources);
        // The parser runs on a thread of its own and hands over statements in chunks: parsing and
        // storing them, each about half of the work, go on side by side (issue 17). Small chunks:
        // Jena's default (100,000 statements, 10 chunks queued) keeps a million statements alive
        // between the threads, long enough to reach the old generation, and the collector's work
        // made the parse a third slower (scale 100: 9.97 s against 7.33 s with 1,000 x 100, count only).
        parse(p, name, () -> AsyncParser.of(parserBuilder(p)).setChunkSize(ASYNC_CHUNK).setQueueSize(ASYNC_QUEUE).asyncParseSources(sink));
        HaltPoint.reached(HaltPoint.PARSE);
        IntegrityChecks.checkNotEmpty(name, sink.statements);
        if (sink.outside > 0)
            throw new LoadException(LoadException.INPUT, name + ": " + sink.outside
                    + " triple(s) outside any GRAPH block; every fact must be written inside the named graph of its source");
        if (sink.reserved != null)
            throw new LoadException(LoadException.INPUT, name + ": graph <" + sink.reserved.getURI()
                    + "> is reserved for the loader; put facts in the graph of their source");
        parsed.noteDataFile(name, p);
    }

    /**
     * Receives one fact file's statements from the parser: notes each for the integrity checks,
     * adds it to the loader's dataset, and counts what the file may not
     * hold (triples outside a GRAPH block, a graph reserved for the loader) to refuse it after
     * the parse.
     */
    private static final class FactFileSink extends StreamRDFBase {
        private final ParsedInputs parsed;
        private final String file;
        private final boolean mayDescribeSources;
        long statements, outside;
        Node reserved;

        FactFileSink(ParsedInputs parsed, String file, boolean mayDescribeSources) {
            this.parsed = parsed;
            this.file = file;
            this.mayDescribeSources = mayDescribeSources;
        }

        @Override
        public void triple(Triple t) {
            statements++;
            outside++;
        }

        @Override
        public void quad(Quad q) {
            statements++;
            Node g = q.getGraph();
            if (Quad.isDefaultGraph(g)) {
                outside++;
                return;
            }
            // An extra file (e.g. one written by 'generate') may describe its own sources.
            if (isReserved(g) && !(mayDescribeSources && g.equals(Chipgraph.GRAPH_SOURCES))) {
                if (reserved == null)
                    reserved = g;
                return;
            }
            parsed.integrity.noteTriple(file, q.asTriple());
            parsed.data.add(q);
        }
    }

    private static boolean isReserved(Node g) {
        return g.equals(Chipgraph.GRAPH_INFERRED) || g.equals(Chipgraph.GRAPH_ONTOLOGY)
               || g.equals(Chipgraph.GRAPH_SOURCES) || g.equals(Quad.defaultGraphIRI);
    }

    Graph parseGraph(Path p) {
        Graph g = GraphFactory.createDefaultGraph();
        parse(p, files.display(p), () -> parser(p).parse(g));
        IntegrityChecks.checkNotEmpty(files.display(p), g.size());
        return g;
    }

    /**
     * Parse, turning a stack overflow into a load error: a list or blank node nested some
     * hundred thousand deep overflows the recursive parsers, and the JVM recovers once the stack
     * has unwound.
     */
    private static void parse(Path p, String name, Runnable parse) {
        try {
            parse.run();
        } catch (StackOverflowError e) {
            throw tooDeep(name);
        } catch (RuntimeException e) {
            // The parser thread's overflow arrives wrapped.
            if (e.getCause() instanceof StackOverflowError)
                throw tooDeep(name);
            throw e;
        }
    }

    private static LoadException tooDeep(String name) {
        return new LoadException(LoadException.INPUT, name + ": nested too deeply to parse (lists, blank nodes or"
                + " JSON inside one another thousands of levels deep); write it flatter");
    }

    private RDFParser parser(Path p) {
        return parserBuilder(p).build();
    }

    private RDFParserBuilder parserBuilder(Path p) {
        String name = files.display(p);
        checkUtf8(p, name);
        Lang lang = langOf(p);
        if (RDFLanguages.sameLang(lang, Lang.JSONLD))
            JsonLdCheck.check(p, name);
        return RDFParser.source(p).lang(lang).context(parserContext()).errorHandler(new FailFast(name))
                .factory(new FactoryRDFCaching(nodeCacheSize(p), SyntaxLabels.createLabelToNode()));
    }

    /**
     * Slots of the parser's cache of terms, by file size: one IRI written many times becomes one
     * node in memory instead of one per mention. Jena's 5,000 slots hold too few of a large
     * file's entities: with 2^20 the parsed data at scale 100 took 633 MB instead of 767 MB
     * after collection, and the parse 12.0 s instead of 12.5 s.
     */
    static int nodeCacheSize(Path p) {
        long bytes;
        try {
            bytes = Files.size(p);
        } catch (IOException e) {
            bytes = 0;   // the parse reports the unreadable file
        }
        return (int) Math.min(1 << 20, Math.max(FactoryRDFCaching.DftNodeCacheSize, bytes / 64));
    }

    static Lang langOf(Path p) {
        return RDFLanguages.filenameToLang(p.getFileName().toString(), Lang.TURTLE);
    }

    /** Every parse of the loader: JSON-LD never fetches a context or document. */
    static Context parserContext() {
        Context cxt = new Context();
        NoRemoteDocuments.install(cxt);
        return cxt;
    }

    /**
     * RIOT would decode invalid bytes silently; say where the first one is instead. Reads the file
     * in chunks (a large file is not held in memory for this), counting lines as it goes.
     */
    static void checkUtf8(Path p, String name) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 20);
        CharBuffer out = CharBuffer.allocate(1 << 20);
        long offset = 0;   // of in's first byte in the file
        long line = 1;
        try (FileChannel ch = FileChannel.open(p)) {
            boolean end = false;
            while (!end) {
                end = ch.read(in) < 0;
                in.flip();
                CoderResult r;
                do {
                    out.clear();
                    r = decoder.decode(in, out, end);
                } while (r.isOverflow());
                if (r.isError()) {
                    line += newlines(in, in.position());
                    throw new LoadException(LoadException.INPUT, name + ":" + line + ": not valid UTF-8 (byte offset "
                            + (offset + in.position()) + "); RDF files must be encoded in UTF-8");
                }
                // Keep an incomplete character at the end for the next read.
                line += newlines(in, in.position());
                offset += in.position();
                in.compact();
            }
        } catch (IOException e) {
            throw new LoadException(LoadException.INPUT, name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static int newlines(ByteBuffer buf, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; i++)
            if (buf.get(i) == '\n') n++;
        return n;
    }

    /** Turns every parser complaint into a load error naming the file and position. */
    private record FailFast(String file) implements ErrorHandler {
        @Override public void warning(String message, long line, long col) { fail(message, line, col); }
        @Override public void error(String message, long line, long col) { fail(message, line, col); }
        @Override public void fatal(String message, long line, long col) { fail(message, line, col); }

        private void fail(String message, long line, long col) {
            String where = line > 0 ? file + ":" + line + (col > 0 ? ":" + col : "") : file;
            throw new LoadException(LoadException.INPUT, where + ": syntax error: " + message);
        }
    }
}
