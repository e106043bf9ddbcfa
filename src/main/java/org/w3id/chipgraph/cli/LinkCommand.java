package org.w3id.chipgraph.cli;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.w3id.chipgraph.ExitCode;
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
        System.err.println("Usage: link suggest [--wikidata URL] [--db DIR | --endpoint URL]   (see 'link suggest --help')");
        return ExitCode.ERROR.code;
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = {"Propose Wikidata items for entities not yet linked to Wikidata.",
                    "For each entity with no owl:sameAs to Wikidata: candidates (QID, label, description, score) by exact label search"
                    + " against Wikidata's SPARQL endpoint. Writes nothing: a link is made by checking a proposal and adding it,"
                    + " with its evidence, to data/links.trig.",
                    "The entities come from the store (--db), or from the server holding it (found by itself, or --endpoint)."})
    static final class Suggest implements Callable<Integer> {
        @Mixin StoreOptions storeOptions;

        @Option(names = "--wikidata", paramLabel = "URL", defaultValue = LinkSuggester.WIKIDATA,
                description = "The Wikidata SPARQL endpoint to search, or a mirror (default: ${DEFAULT-VALUE}).")
        String wikidata;

        @Option(names = "--endpoint", paramLabel = "URL", description = {
                "A running chipgraph server's SPARQL endpoint to read the entities from, instead of --db, as for every"
                + " reading command. (Before, --endpoint named the Wikidata endpoint: that is --wikidata now.)"})
        String endpoint;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
                description = "Give up a Wikidata request after this long (default: ${DEFAULT-VALUE} s).")
        long timeoutSeconds;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "3", description = "Candidates shown per entity (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            if (endpoint != null && "query.wikidata.org".equals(URI.create(endpoint).getHost()))
                throw new IllegalArgumentException("--endpoint " + endpoint + ": --endpoint is the chipgraph server to read entities from;"
                        + " give the Wikidata endpoint with --wikidata URL");
            List<LinkSuggester.Entity> entities;
            try (GraphAccess g = GraphAccess.open(storeOptions, endpoint)) {
                entities = LinkSuggester.unlinked(g.select());
            }
            System.out.println(entities.size() + " entities without a Wikidata link; searching " + wikidata);
            List<LinkSuggester.Candidate> candidates = new LinkSuggester(wikidata, Duration.ofSeconds(timeoutSeconds)).suggest(entities, limit);
            System.out.printf("%-28s %-12s %5s  %-32s %s%n", "entity", "QID", "score", "Wikidata label", "description");
            for (LinkSuggester.Candidate c : candidates)
                System.out.printf(Locale.ROOT, "%-28s %-12s %5.2f  %-32s %s%n", "id:" + c.entity().substring(Chipgraph.ID.length()),
                        c.qid(), c.score(), c.label(), c.description());
            long with = candidates.stream().map(LinkSuggester.Candidate::entity).distinct().count();
            System.out.println(candidates.size() + " candidate(s) for " + with + " of " + entities.size()
                    + " entities. Nothing was written: check a candidate, then add 'id:x owl:sameAs wd:Q...' with its evidence to data/links.trig.");
            return ExitCode.OK.code;
        }
    }
}
