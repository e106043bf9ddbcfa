package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.atlas.lib.IRILib;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.FactoryRDFCaching;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;
import org.slf4j.LoggerFactory;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.Daemon;
import org.w3id.chipgraph.HaltPoint;
import org.w3id.chipgraph.NoRemoteDocuments;

/**
 * Parses every input strictly: any parser error or warning (bad IRI, ill-formed typed literal)
 * stops the load with the file, line and column. Nothing here touches the store.
 */
public final class InputParser {
    private final InputFiles files;
    /** IRI and literal nodes shared by the parsers of one {@link #parseAll}. */
    private ParserTermCache terms;

    public InputParser(InputFiles files) {
        this.files = files;
    }

    public ParsedInputs parseAll() {
        return parseAll(List.of());
    }

    /**
     * Parse the project's files and {@code extraFiles} (files named on the command line: each a
     * dataset of its own, such as a generated network or another curator's export, that may
     * describe its own sources in a {@code graph/sources} block, which joins data/sources.ttl's;
     * other reserved graphs are refused).
     *
     * <p>The files, and the pieces of a large TriG file, are parsed side by side by one worker per
     * core (issue 17: one parser thread was the limit of the parse, the second core mostly idle);
     * this thread takes their statements file by file in the order below, so that every check and
     * every message is as if they were parsed one after another.
     */
    public ParsedInputs parseAll(List<Path> extraFiles) {
        setUpLibrariesOnThisThread();
        int workers = Runtime.getRuntime().availableProcessors();
        List<Path> all = new ArrayList<>(files.all());
        all.addAll(extraFiles);
        terms = new ParserTermCache(nodeCacheSize(all.stream().mapToLong(InputParser::sizeOf).sum()));
        try (ParallelParse pool = new ParallelParse(workers, Runtime.getRuntime().maxMemory() / BYTES_PER_WAITING_STATEMENT)) {
            ParallelParse.Piece ontologyPiece = submitWhole(pool, files.ontology());
            ParallelParse.Piece shapesPiece = submitWhole(pool, files.shapes());
            ParallelParse.Piece sourcesPiece = submitWhole(pool, files.sources());
            // Cutting a large file needs a scan of it (a second, cold): on a thread of its own, while
            // the workers parse the files before it. Pieces are submitted in the order they are taken.
            CompletableFuture<List<FilePieces>> submitting = Daemon.supply("chipgraph-parse-cuts", () -> {
                List<FilePieces> facts = new ArrayList<>();
                for (Path p : files.factFiles())
                    facts.add(submit(pool, p, workers, false));
                for (Path p : extraFiles)
                    facts.add(submit(pool, p, workers, true));
                return facts;
            });

            Graph ontology = takeGraph(pool, ontologyPiece, files.ontology());
            Graph shapes = takeGraph(pool, shapesPiece, files.shapes());
            ParsedInputs parsed = new ParsedInputs(ontology, shapes, files.display(files.ontology()));
            parsed.noteSubjects(ontology, files.display(files.ontology()));

            // The source register is plain Turtle; it becomes the graph of sources.
            Graph sources = takeGraph(pool, sourcesPiece, files.sources());
            parsed.noteSubjects(sources, files.display(files.sources()));
            parsed.integrity.noteFile(files.display(files.sources()), sources);
            parsed.noteDataFile(files.display(files.sources()), files.sources());
            sources.find().forEachRemaining(t -> parsed.data.add(Chipgraph.GRAPH_SOURCES, t.getSubject(), t.getPredicate(), t.getObject()));

            for (FilePieces f : Daemon.join(submitting))
                takeFactFile(parsed, pool, f);
            return parsed;
        }
    }

    /**
     * Jena's and SLF4J's one-time set-up, run to its end on the calling thread before other threads
     * parse: Jena marks itself initialized as it starts, so a parser on a second thread starting at
     * that moment found no parser registered for text/turtle (once in a full test run), and SLF4J
     * bound from several threads at once prints a warning about replayed calls.
     */
    static void setUpLibrariesOnThisThread() {
        JenaSystem.init();
        LoggerFactory.getILoggerFactory();
    }

    /**
     * Heap per statement waiting in a parsed piece that is not yet taken: the pieces waiting may
     * hold a 2,048th of the heap in statements (2 million at -Xmx4g, about 70 MB).
     */
    private static final long BYTES_PER_WAITING_STATEMENT = 2_048;
    /** A TriG file is cut into pieces (one per worker) when each would be at least this large. */
    static final long MIN_PIECE_BYTES = 2L << 20;

    /** A fact file and the pieces it is parsed in (one unless it is a large TriG file). */
    private record FilePieces(Path path, boolean mayDescribeSources, List<ParallelParse.Piece> pieces) {}

    private ParallelParse.Piece submitWhole(ParallelParse pool, Path p) {
        return pool.submit(sink -> parseFile(p, terms, sink));
    }

    private FilePieces submit(ParallelParse pool, Path p, int workers, boolean mayDescribeSources) {
        List<TriGCuts.Piece> cuts = cuts(p, workers);
        if (cuts.size() == 1)
            return new FilePieces(p, mayDescribeSources, List.of(submitWhole(pool, p)));
        List<ParallelParse.Piece> pieces = new ArrayList<>();
        String base = IRILib.filenameToIRI(p.toString());
        for (int k = 0; k < cuts.size(); k++) {
            TriGCuts.Piece cut = cuts.get(k);
            boolean first = k == 0;
            pieces.add(pool.submit(sink -> {
                if (first)
                    checkUtf8(p, files.display(p));   // once, for the whole file
                try (InputStream in = cut.open(p)) {
                    IriCachingProfile.parse(in, base, Lang.TRIG, terms, new FailFast(files.display(p)), parserContext(),
                            nodeCacheSize(p), sink);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return new FilePieces(p, mayDescribeSources, pieces);
    }

    /** The pieces to parse a file in: several for a large TriG file that can be cut, else the whole file. */
    private static List<TriGCuts.Piece> cuts(Path p, int workers) {
        try {
            long size = Files.size(p);
            int parts = (int) Math.min(workers, size / MIN_PIECE_BYTES);
            if (parts < 2 || !RDFLanguages.sameLang(langOf(p), Lang.TRIG))
                return TriGCuts.whole(size);
            return TriGCuts.plan(p, parts);
        } catch (IOException e) {
            return TriGCuts.whole(0);   // the whole-file parse reports the unreadable file
        }
    }

    private Graph takeGraph(ParallelParse pool, ParallelParse.Piece piece, Path p) {
        Graph g = GraphFactory.createDefaultGraph();
        parse(p, files.display(p), () -> pool.take(piece, StreamRDFLib.graph(g)));
        IntegrityChecks.checkNotEmpty(files.display(p), g.size());
        return g;
    }

    /** Take one fact file (TriG); every triple must sit inside a GRAPH block naming its source. */
    private void takeFactFile(ParsedInputs parsed, ParallelParse pool, FilePieces f) {
        Path p = f.path();
        String name = files.display(p);
        // Straight into the loader's dataset as the statements come: no copy of the file in between.
        FactFileSink sink = new FactFileSink(parsed, name, f.mayDescribeSources());
        parse(p, name, () -> {
            try {
                for (ParallelParse.Piece piece : f.pieces())
                    pool.take(piece, sink);
            } catch (RuntimeException | Error e) {
                if (f.pieces().size() == 1)
                    throw e;
                // A file parsed in pieces reports its error as a parse of the whole file does (the
                // same line and column): parse it again, past the statements already taken. (Should
                // the whole parse succeed, a cut was wrong and its statements are the ones kept.)
                parseFile(p, terms, new SkipFirst(sink.statements, sink));
            }
        });
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

    /** Passes on the statements after the first {@code skip}. */
    private static final class SkipFirst extends StreamRDFBase {
        private long skip;
        private final StreamRDF to;

        SkipFirst(long skip, StreamRDF to) {
            this.skip = skip;
            this.to = to;
        }

        @Override public void triple(Triple t) { if (skip > 0) skip--; else to.triple(t); }
        @Override public void quad(Quad q) { if (skip > 0) skip--; else to.quad(q); }
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

    /** One file on its own, on this thread (a test's way to look at the parser's nodes). */
    Graph parseGraph(Path p) {
        Graph g = GraphFactory.createDefaultGraph();
        parse(p, files.display(p), () -> parseFile(p, new ParserTermCache(nodeCacheSize(p)), StreamRDFLib.graph(g)));
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

    /**
     * Parses a whole file into {@code sink}, strictly (see the class comment). Turtle and TriG go
     * to Jena's parser through {@link IriCachingProfile}, the other syntaxes through RDFParser.
     */
    private void parseFile(Path p, ParserTermCache terms, StreamRDF sink) {
        String name = files.display(p);
        checkUtf8(p, name);
        Lang lang = langOf(p);
        if (RDFLanguages.sameLang(lang, Lang.JSONLD))
            JsonLdCheck.check(p, name);
        if (!IriCachingProfile.reads(lang)) {
            RDFParser.source(p).lang(lang).context(parserContext()).errorHandler(new FailFast(name)).factory(terms.factory())
                    .build().parse(sink);
            return;
        }
        try (InputStream in = Files.newInputStream(p)) {
            IriCachingProfile.parse(in, IRILib.filenameToIRI(p.toString()), lang, terms, new FailFast(name), parserContext(),
                    nodeCacheSize(p), sink);
        } catch (IOException e) {
            throw new LoadException(LoadException.INPUT, name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Slots of the parser's cache of terms, by file size: one IRI written many times becomes one
     * node in memory instead of one per mention. Jena's 5,000 slots hold too few of a large
     * file's entities: with 2^20 the parsed data at scale 100 took 633 MB instead of 767 MB
     * after collection, and the parse 12.0 s instead of 12.5 s.
     */
    static int nodeCacheSize(Path p) {
        return nodeCacheSize(sizeOf(p));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;   // the parse reports the unreadable file
        }
    }

    static int nodeCacheSize(long bytes) {
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
