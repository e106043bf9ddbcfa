package org.w3id.chipgraph.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes a batch of quads (tens of thousands) into a TDB2 database in one write transaction, filling each of
 * its quad indexes in that index's own key order. {@code DatasetGraph.add} inserts every quad
 * into six B+trees at unrelated places, and each insert shifts about half a page of records to
 * make room (at 48,442 quads a third of the writer's CPU samples were that copying); in key order
 * an insert lands after the records already in its page. The nodes are written to the node table
 * as with {@code add}; only the order of the index inserts differs, so the database holds the
 * same quads. A TDB2 bulk loader does not suit a small load: it sends nothing to its index
 * threads before it holds a chunk of 100,000 tuples.
 */
public final class IndexOrderWriter {
    private IndexOrderWriter() {}

    /** Write {@code quads} in one write transaction on {@code dsg} (a TDB2 dataset); returns the quads sent. */
    public static long write(DatasetGraph dsg, Iterator<Quad> quads) {
        long[] sent = {0};
        Txn.executeWrite(dsg, () -> {
            DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
            NodeTupleTable table = tdb.getQuadTable().getNodeTupleTable();
            NodeTable nodes = table.getNodeTable();
            List<Keyed> tuples = new ArrayList<>();
            quads.forEachRemaining(q -> {
                sent[0]++;
                if (q.isDefaultGraph()) {   // the triple table: rare here, written as add writes it
                    tdb.add(q);
                    return;
                }
                NodeId g = nodes.getAllocateNodeId(q.getGraph()), s = nodes.getAllocateNodeId(q.getSubject()),
                       p = nodes.getAllocateNodeId(q.getPredicate()), o = nodes.getAllocateNodeId(q.getObject());
                tuples.add(new Keyed(TupleFactory.create4(g, s, p, o), new long[] {key(g), key(s), key(p), key(o)}));
            });
            for (TupleIndex index : table.getTupleTable().getIndexes())
                if (index != null)
                    addInKeyOrder(index, tuples);
        });
        return sent[0];
    }

    /** A tuple with its nodes' {@link #key keys}, in the tuple's own (G, S, P, O) order. */
    private record Keyed(Tuple<NodeId> tuple, long[] key) {}

    /** Sorts {@code tuples} (in place: each index sorts them again for its own order) and adds them to the index. */
    private static void addInKeyOrder(TupleIndex index, List<Keyed> tuples) {
        Comparator<long[]> order = keyOrder(index.getMapping());
        tuples.sort((a, b) -> order.compare(a.key(), b.key()));
        for (Keyed k : tuples)
            index.add(k.tuple());
    }

    /** The order of an index's records over tuples' {@link #key keys} in the tuple's own (G, S, P, O) order. */
    static Comparator<long[]> keyOrder(TupleMap map) {
        int[] slots = new int[map.length()];
        for (int j = 0; j < slots.length; j++)
            slots[j] = map.mapIdx(j);   // the j-th part of this index's key is the tuple's slots[j]-th node
        return (ka, kb) -> {
            for (int slot : slots) {
                int c = Long.compareUnsigned(ka[slot], kb[slot]);
                if (c != 0)
                    return c;
            }
            return 0;
        };
    }

    /** A node id as the B+tree compares it: its 8 stored bytes, unsigned, most significant first. */
    static long key(NodeId id) {
        byte[] b = new byte[NodeId.SIZE];
        NodeIdFactory.set(id, b);
        long k = 0;
        for (byte x : b)
            k = (k << 8) | (x & 0xFF);
        return k;
    }
}
