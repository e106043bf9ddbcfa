package org.w3id.chipgraph.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.link.LinkSuggester;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Links from chipgraph entities to other datasets.",
        subcommands = {LinkCommand.Suggest.class})
final class LinkCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("Usage: link suggest [--endpoint URL] [--db DIR]   (see 'link suggest --help')");
        return 1;
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = {"Propose Wikidata items (QID, label, description, score) for entities that have no owl:sameAs",
                    "to Wikidata yet, by exact label search against a SPARQL endpoint. Writes nothing: a link is made",
                    "by checking a proposal and adding it, with its evidence, to data/links.trig."})
    static final class Suggest implements Callable<Integer> {
        @Mixin StoreOptions storeOptions;

        @Option(names = "--endpoint", paramLabel = "URL", defaultValue = LinkSuggester.WIKIDATA,
                description = "The Wikidata SPARQL endpoint to search (default: ${DEFAULT-VALUE}).")
        String endpoint;

        @Option(names = "--limit", defaultValue = "3", description = "Candidates shown per entity (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            List<LinkSuggester.Entity> entities;
            DatasetGraph dsg = storeOptions.store().openCurrent();
            try {
                entities = LinkSuggester.unlinked(dsg);
            } finally {
                TDBInternal.expel(dsg);
            }
            System.out.println(entities.size() + " entities without a Wikidata link; searching " + endpoint);
            List<LinkSuggester.Candidate> candidates = new LinkSuggester(endpoint).suggest(entities, limit);
            System.out.printf("%-28s %-12s %5s  %-32s %s%n", "entity", "QID", "score", "Wikidata label", "description");
            for (LinkSuggester.Candidate c : candidates)
                System.out.printf(Locale.ROOT, "%-28s %-12s %5.2f  %-32s %s%n", "id:" + c.entity().substring(Chipgraph.ID.length()),
                        c.qid(), c.score(), c.label(), c.description());
            long with = candidates.stream().map(LinkSuggester.Candidate::entity).distinct().count();
            System.out.println(candidates.size() + " candidate(s) for " + with + " of " + entities.size()
                    + " entities. Nothing was written: check a candidate, then add 'id:x owl:sameAs wd:Q...' with its evidence to data/links.trig.");
            return 0;
        }
    }
}
