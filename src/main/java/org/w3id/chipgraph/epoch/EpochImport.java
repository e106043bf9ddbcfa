package org.w3id.chipgraph.epoch;

import org.apache.jena.graph.Node;
import org.w3id.chipgraph.eto.CsvTable;
import org.w3id.chipgraph.input.ProjectFiles;
import org.w3id.chipgraph.input.StageInputs;

/**
 * One Epoch file being imported: the file read and parsed, the mapping file, what the curated
 * data already knows, the triples written and the organizations they name. Every Epoch stage
 * reads its rows and ends with its source entry in the same way; a subclass says what a row becomes.
 */
abstract class EpochImport {
    final EpochFile file;
    final CsvTable table;
    final EpochMapping mapping;
    final Known known;
    final Triples out = new Triples();
    final Organizations orgs;
    private final StageInputs in;
    private final Node graph, source;
    /** The dataset's date: the latest date its rows give. */
    private String latest = "2000-01-01";

    EpochImport(EpochFile file, String[] columns, StageInputs in, ProjectFiles files, Node graph, Node source) {
        this.file = file;
        this.table = CsvTable.parse(file.name(), file.text(), columns);
        this.mapping = EpochMapping.read(files.projectDir().resolve(EpochStages.MAPPING_FILE), EpochStages.MAPPING_FILE);
        this.known = new Known(in.ontology(), in.data());
        this.orgs = new Organizations(known, mapping, out, graph, source);
        this.in = in;
        this.graph = graph;
        this.source = source;
    }

    /** What one row becomes. */
    abstract void row(CsvTable.Row r);

    /** Every row, in order; the dates in {@code dateColumns} move the dataset's date forward. */
    final void readRows(String... dateColumns) {
        for (CsvTable.Row r : table.rows()) {
            row(r);
            for (String column : dateColumns) {
                String d = Rows.date(r, column).orElse(latest);
                latest = d.compareTo(latest) > 0 ? d : latest;
            }
        }
    }

    /** The dataset's source entry, and every graph written handed to the load. */
    final void finish(String title, String url) {
        SourceDocs.dataset(out, source, graph, title, url, latest, file);
        out.graphs().forEach((g, triples) -> in.addGraph(g, triples, out.origins(), file.name()));
    }
}
