package org.w3id.chipgraph.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small-load writer gives the same database as an add per quad: every one of the six quad
 * indexes holds the same tuples, lookups by each position answer the same, default-graph quads
 * reach the triple table; and its order is the indexes' own (each index, read back, is in the
 * order the writer sorted by), so its inserts were appends.
 */
class IndexOrderWriterTest {
    @TempDir
    Path tmp;

    /** Quads over IRIs, blank nodes, plain, language and inline-valued literals (negative numbers, dates), in three batches with repeats. */
    private static List<List<Quad>> batches() {
        Random r = new Random(17);
        List<Node> terms = new ArrayList<>();
        for (int i = 0; i < 60; i++) terms.add(NodeFactory.createURI("https://example.org/t" + i));
        for (int i = 0; i < 10; i++) terms.add(NodeFactory.createBlankNode("b" + i));
        List<Node> objects = new ArrayList<>(terms);
        for (int i = -20; i < 20; i++) objects.add(NodeFactory.createLiteralDT(Integer.toString(i * 977), XSDDatatype.XSDinteger));
        for (int i = 0; i < 10; i++) objects.add(NodeFactory.createLiteralDT("2025-0" + (1 + i % 9) + "-1" + i % 10, XSDDatatype.XSDdate));
        for (int i = 0; i < 10; i++) objects.add(NodeFactory.createLiteralLang("name " + i, i % 2 == 0 ? "en" : "ko"));
        for (int i = 0; i < 10; i++) objects.add(NodeFactory.createLiteralString("text " + i));
        List<List<Quad>> out = new ArrayList<>();
        List<Quad> all = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            List<Quad> batch = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                Node g = r.nextInt(20) == 0 ? Quad.defaultGraphIRI : NodeFactory.createURI("https://example.org/g" + r.nextInt(8));
                Node s = terms.get(r.nextInt(terms.size())), p = NodeFactory.createURI("https://example.org/p" + r.nextInt(6));
                batch.add(Quad.create(g, s, p, objects.get(r.nextInt(objects.size()))));
            }
            if (b > 0)
                batch.addAll(all.subList(0, 200));   // quads written in an earlier batch come again
            all.addAll(batch);
            out.add(batch);
        }
        return out;
    }

    @Test
    void theSameDatabaseAsAnAddPerQuadAndEachIndexFilledInItsOwnOrder() {
        List<List<Quad>> batches = batches();
        DatasetGraph sorted = DatabaseMgr.connectDatasetGraph(tmp.resolve("sorted").toString());
        DatasetGraph added = DatabaseMgr.connectDatasetGraph(tmp.resolve("added").toString());
        long sent = 0;
        for (List<Quad> b : batches)
            sent += IndexOrderWriter.write(sorted, b.iterator());   // one transaction each, the later ones into filled indexes
        Txn.executeWrite(added, () -> batches.forEach(b -> b.forEach(added::add)));
        assertEquals(batches.stream().mapToLong(List::size).sum(), sent, "every quad sent is counted");

        Txn.executeRead(sorted, () -> Txn.executeRead(added, () -> {
            Set<Quad> expected = new HashSet<>();
            added.find().forEachRemaining(expected::add);
            Set<Quad> actual = new HashSet<>();
            sorted.find().forEachRemaining(actual::add);
            assertEquals(expected, actual);
            assertTrue(expected.stream().anyMatch(Quad::isDefaultGraph), "the sample has default-graph quads");

            // Each index on its own: the same tuples, and in the writer's key order.
            TupleIndex[] mine = TDBInternal.getDatasetGraphTDB(sorted).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
            TupleIndex[] theirs = TDBInternal.getDatasetGraphTDB(added).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
            assertEquals(6, mine.length);
            for (int i = 0; i < mine.length; i++) {
                assertEquals(count(theirs[i].all()), count(mine[i].all()), mine[i].getName());
                Comparator<long[]> order = IndexOrderWriter.keyOrder(mine[i].getMapping());
                long[] previous = null;
                for (Iterator<Tuple<NodeId>> it = mine[i].all(); it.hasNext(); ) {
                    Tuple<NodeId> t = it.next();
                    long[] k = {IndexOrderWriter.key(t.get(0)), IndexOrderWriter.key(t.get(1)), IndexOrderWriter.key(t.get(2)), IndexOrderWriter.key(t.get(3))};
                    if (previous != null)
                        assertTrue(order.compare(previous, k) < 0, mine[i].getName() + " is read back in the writer's order");
                    previous = k;
                }
            }

            // Lookups that use different indexes answer the same.
            for (Quad q : expected) {
                if (q.isDefaultGraph()) continue;
                for (Quad pattern : List.of(Quad.create(q.getGraph(), Node.ANY, Node.ANY, Node.ANY),
                        Quad.create(Node.ANY, q.getSubject(), Node.ANY, Node.ANY),
                        Quad.create(Node.ANY, Node.ANY, q.getPredicate(), q.getObject()),
                        Quad.create(Node.ANY, Node.ANY, Node.ANY, q.getObject())))
                    assertEquals(count(added.find(pattern)), count(sorted.find(pattern)), pattern.toString());
                break;   // one quad's patterns: the index contents are compared above
            }
        }));
        TDBInternal.expel(sorted);
        TDBInternal.expel(added);
    }

    private static long count(Iterator<?> it) {
        long n = 0;
        for (; it.hasNext(); it.next()) n++;
        return n;
    }
}
