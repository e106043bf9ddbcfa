package org.w3id.chipgraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.w3id.chipgraph.Chipgraph;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A synthetic AI-chip supply network in chipgraph's own ontology, for measuring the loader,
 * the dependency index and the server at scale. Deterministic: the same scale and seed give
 * the same bytes (one {@link SplittableRandom}, no hash-ordered iteration, fixed number formats).
 *
 * <p>The scale is set by the number of direct dependency edges: {@value #EDGES_PER_SCALE}
 * per unit of scale (scale 1 about ten thousand, scale 100 about a million). The shape is
 * layered like the real chain: equipment and materials are made by suppliers; process nodes
 * run by foundries require equipment; chips are designed by designers, fabricated on nodes,
 * with memory from memory makers; systems are built from chips; AI developers and cloud
 * providers use chips and develop models trained on chips. Which supplier, node or chip an
 * edge goes to is drawn from a Zipf law over a fixed popularity ranking, so in-degrees are
 * heavy-tailed (power-law exponent about 1 + 1/{@value #ZIPF}), and every scale uses the same
 * exponent. A few deep chains of sub-suppliers (equipmentFrom) hang under the largest
 * equipment makers, and the largest memory makers use chips that carry their own memory
 * (small cycles, as in the real chain).
 *
 * <p>Every fact sits in the named graph of a synthetic source described in graph/sources the
 * way data/sources.ttl describes real ones; every entity is in graph/register, typed, labelled
 * in English and Korean and derived from its source, so the SHACL gate passes.
 */
public final class SupplyNetworkGenerator {
    public static final int EDGES_PER_SCALE = 10_000;
    /** Zipf exponent of every popularity ranking (degree exponent about 1 + 1/ZIPF = 2). */
    public static final double ZIPF = 1.0;

    static final String NS = Chipgraph.NS, ID = Chipgraph.ID;

    /** The direct dependency properties the generator uses (each a sub-property of cg:dependsOn). */
    public enum Prop {
        designerOf, fabricatedBy, fabricatedOn, processOf, requiresEquipment, madeBy,
        equipmentFrom, memoryFrom, builtFrom, usesChip, developerOf, trainedOn
    }

    /** Entity kinds: local-name stem, class, English and Korean label stems. */
    enum Kind {
        COUNTRY("country", "Country", "Synthetic country", "합성 국가"),
        GOVERNMENT("gov", "Government", "Government of synthetic country", "합성 국가 정부"),
        AGENCY("agency", "Agency", "Synthetic export agency", "합성 수출 기관"),
        PUBLISHER("publisher", "NewsPublisher", "Synthetic publisher", "합성 언론사"),
        FOUNDRY("foundry", "Foundry", "Synthetic foundry", "합성 파운드리"),
        NODE("node", "ProcessNode", "Synthetic process node", "합성 공정"),
        EQUIPMENT_MAKER("eqmaker", "EquipmentMaker", "Synthetic equipment maker", "합성 장비 업체"),
        SUB_SUPPLIER("subsupplier", "EquipmentMaker", "Synthetic sub-supplier", "합성 하위 공급사"),
        EQUIPMENT("equipment", "Equipment", "Synthetic equipment type", "합성 장비"),
        MATERIAL_MAKER("matmaker", "Company", "Synthetic materials company", "합성 소재 기업"),
        MATERIAL("material", "Material", "Synthetic material", "합성 소재"),
        MEMORY_MAKER("memmaker", "MemoryMaker", "Synthetic memory maker", "합성 메모리 업체"),
        DESIGNER("designer", "ChipDesigner", "Synthetic chip designer", "합성 칩 설계사"),
        ACCELERATOR("acc", "Accelerator", "Synthetic accelerator", "합성 가속기"),
        MEMORY_CHIP("hbm", "MemoryChip", "Synthetic HBM stack", "합성 HBM"),
        SYSTEM("system", "ComputingSystem", "Synthetic rack system", "합성 랙 시스템"),
        AI_DEVELOPER("aidev", "AIDeveloper", "Synthetic AI developer", "합성 AI 개발사"),
        CLOUD("cloud", "CloudProvider", "Synthetic cloud provider", "합성 클라우드 기업"),
        MODEL("model", "AIModel", "Synthetic AI model", "합성 AI 모델"),
        RULE("rule", "ExportControlRule", "Synthetic export-control rule", "합성 수출 통제 규정"),
        LISTING("listing", "EntityListing", "Synthetic entity listing", "합성 거래 제한 명단 등재");

        final String stem, cls, en, ko;
        Kind(String stem, String cls, String en, String ko) {
            this.stem = stem; this.cls = cls; this.en = en; this.ko = ko;
        }
    }

    /** What was generated: entities per kind, edges per property, quads and sources. */
    public record Stats(double scale, long seed, int nodes, int edges, long quads, int sources,
                        Map<String, Integer> entitiesPerKind, Map<String, Integer> edgesPerProperty,
                        int[] edgeFrom, int[] edgeTo, String[] iris) {
        /** The direct edges as an int graph over {@link #iris}, for closure sizes and hub samples. */
        public int nodeCount() { return iris.length; }
    }

    private final double scale;
    private final long seed;
    private final SplittableRandom rnd;

    // Entities: kind and index within the kind, by global id.
    private final List<Kind> kindOf = new ArrayList<>();
    private final List<Integer> indexOf = new ArrayList<>();
    private final Map<Kind, int[]> idsByKind = new LinkedHashMap<>();
    private final Map<Kind, Integer> countByKind = new LinkedHashMap<>();

    // Edges.
    private int[] from = new int[1024], to = new int[1024], srcOf = new int[1024], srcOf2 = new int[1024];
    private byte[] prop = new byte[1024];
    private int edgeCount;
    private final HashSet<Long> edgeKeys = new HashSet<>();

    private int sources;
    private Zipf zAttrCountry, zAttrAgency, zAttrAcc;

    public SupplyNetworkGenerator(double scale, long seed) {
        if (!(scale > 0))
            throw new IllegalArgumentException("--scale must be > 0, got " + scale);
        this.scale = scale;
        this.seed = seed;
        this.rnd = new SplittableRandom(seed);
    }

    /** Number of direct dependency edges for a scale. */
    public static int targetEdges(double scale) {
        return (int) Math.round(EDGES_PER_SCALE * scale);
    }

    /** Write the network as TriG to {@code out}. */
    public Stats generate(Path out) {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            return generate(w);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out, e);
        }
    }

    /** Generate without writing anything (sizes, the edges, hubs). */
    public Stats generateStats() {
        try {
            return generate(Writer.nullWriter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Stats generate(Writer w) throws IOException {
        int e = targetEdges(scale);
        Counts c = entities(e);
        Zipfs z = new Zipfs(c);
        int[] nodeFoundry = processLayer(c, z);
        chips(c, z, nodeFoundry);
        systemsAndModels(c, z);
        // The rest of the edges: organizations use chips, heavy-tailed on both ends.
        int attempts = 0;
        while (edgeCount < e && attempts < 50 * e) {
            attempts++;
            int org = z.org.sample(rnd);
            edge(orgKind(org, c.aiDevs), orgIndex(org, c.aiDevs), Prop.usesChip, Kind.ACCELERATOR, z.acc.sample(rnd));
        }
        int[] homeSource = assignSources();
        Out o = new Out(w);
        header(o);
        sourcesGraph(o);
        register(o, homeSource);
        facts(o, homeSource);
        w.flush();
        return stats(o);
    }

    /** Entity counts: fixed fractions of the edge count, with floors for small scales. */
    private static final class Counts {
        int countries, foundries, nodes, eqMakers, chainLength, chains, equipment, matMakers, materials, memMakers,
            designers, accelerators, memoryChips, systems, aiDevs, clouds, models;
    }

    /** The popularity of each kind of target (Zipf), made once the counts are known. */
    private static final class Zipfs {
        final Zipf foundry, node, equipment, eqMaker, matMaker, memMaker, designer, acc, org;

        Zipfs(Counts c) {
            foundry = new Zipf(c.foundries);
            node = new Zipf(c.nodes);
            equipment = new Zipf(c.equipment);
            eqMaker = new Zipf(c.eqMakers);
            matMaker = new Zipf(c.matMakers);
            memMaker = new Zipf(c.memMakers);
            designer = new Zipf(c.designers);
            acc = new Zipf(c.accelerators);
            org = new Zipf(c.aiDevs + c.clouds);
        }
    }

    private Counts entities(int e) {
        Counts c = new Counts();
        c.countries = 24;
        add(Kind.COUNTRY, c.countries);
        add(Kind.GOVERNMENT, c.countries);
        add(Kind.AGENCY, 2 * c.countries);
        add(Kind.PUBLISHER, 12);
        add(Kind.FOUNDRY, c.foundries = atLeast(4, 0.0002 * e));
        add(Kind.NODE, c.nodes = atLeast(12, 0.001 * e));
        add(Kind.EQUIPMENT_MAKER, c.eqMakers = atLeast(8, 0.002 * e));
        c.chainLength = (int) Math.round(20 + 20 * Math.log10(Math.max(1, scale)));
        c.chains = 3;
        add(Kind.SUB_SUPPLIER, c.chains * c.chainLength);
        add(Kind.EQUIPMENT, c.equipment = atLeast(16, 0.006 * e));
        add(Kind.MATERIAL_MAKER, c.matMakers = atLeast(4, 0.001 * e));
        add(Kind.MATERIAL, c.materials = atLeast(8, 0.002 * e));
        add(Kind.MEMORY_MAKER, c.memMakers = atLeast(3, 0.0002 * e));
        add(Kind.DESIGNER, c.designers = atLeast(10, 0.008 * e));
        add(Kind.ACCELERATOR, c.accelerators = atLeast(40, 0.06 * e));
        add(Kind.MEMORY_CHIP, c.memoryChips = atLeast(8, 0.01 * e));
        add(Kind.SYSTEM, c.systems = atLeast(8, 0.01 * e));
        add(Kind.AI_DEVELOPER, c.aiDevs = atLeast(10, 0.03 * e));
        add(Kind.CLOUD, c.clouds = atLeast(4, 0.01 * e));
        add(Kind.MODEL, c.models = atLeast(10, 0.06 * e));
        add(Kind.RULE, atLeast(6, 0.0004 * e));
        add(Kind.LISTING, atLeast(4, 0.0002 * e));
        sources = atLeast(8, e / 1000.0);
        return c;
    }

    /** Process nodes, equipment and materials, foundries' suppliers, and the deep sub-supplier chains. */
    private int[] processLayer(Counts c, Zipfs z) {
        int[] nodeFoundry = new int[c.nodes];
        for (int i = 0; i < c.nodes; i++) {
            nodeFoundry[i] = z.foundry.sample(rnd);
            edge(Kind.NODE, i, Prop.processOf, Kind.FOUNDRY, nodeFoundry[i]);
            int k = 3 + rnd.nextInt(6);
            for (int j = 0; j < k; j++)
                edge(Kind.NODE, i, Prop.requiresEquipment, Kind.EQUIPMENT, z.equipment.sample(rnd));
        }
        for (int i = 0; i < c.equipment; i++) {
            int k = rnd.nextInt(10) < 3 ? 2 : 1;
            for (int j = 0; j < k; j++)
                edge(Kind.EQUIPMENT, i, Prop.madeBy, Kind.EQUIPMENT_MAKER, z.eqMaker.sample(rnd));
        }
        for (int i = 0; i < c.materials; i++) {
            int k = 1 + rnd.nextInt(3);
            for (int j = 0; j < k; j++)
                edge(Kind.MATERIAL, i, Prop.madeBy, Kind.MATERIAL_MAKER, z.matMaker.sample(rnd));
        }
        for (int i = 0; i < c.foundries; i++) {
            int k = Math.min(c.eqMakers, 5 + rnd.nextInt(26));
            for (int j = 0; j < k; j++)
                edge(Kind.FOUNDRY, i, Prop.equipmentFrom, Kind.EQUIPMENT_MAKER, z.eqMaker.sample(rnd));
        }
        // Deep chains: the three largest equipment makers rest on chains of sub-suppliers.
        for (int ch = 0; ch < c.chains; ch++) {
            edge(Kind.EQUIPMENT_MAKER, ch % c.eqMakers, Prop.equipmentFrom, Kind.SUB_SUPPLIER, ch * c.chainLength);
            for (int j = 0; j + 1 < c.chainLength; j++)
                edge(Kind.SUB_SUPPLIER, ch * c.chainLength + j, Prop.equipmentFrom, Kind.SUB_SUPPLIER, ch * c.chainLength + j + 1);
        }
        return nodeFoundry;
    }

    /** Memory chips and accelerators, and the small cycles through the largest memory makers. */
    private void chips(Counts c, Zipfs z, int[] nodeFoundry) {
        for (int i = 0; i < c.memoryChips; i++) {
            edge(Kind.MEMORY_CHIP, i, Prop.madeBy, Kind.MEMORY_MAKER, z.memMaker.sample(rnd));
            if (rnd.nextInt(10) < 3)
                edge(Kind.MEMORY_CHIP, i, Prop.fabricatedOn, Kind.NODE, z.node.sample(rnd));
        }
        for (int i = 0; i < c.accelerators; i++) {
            edge(Kind.DESIGNER, z.designer.sample(rnd), Prop.designerOf, Kind.ACCELERATOR, i);
            int node = z.node.sample(rnd);
            edge(Kind.ACCELERATOR, i, Prop.fabricatedOn, Kind.NODE, node);
            if (rnd.nextBoolean())
                edge(Kind.ACCELERATOR, i, Prop.fabricatedBy, Kind.FOUNDRY, nodeFoundry[node]);
            if (rnd.nextInt(10) == 0)
                edge(Kind.ACCELERATOR, i, Prop.fabricatedOn, Kind.NODE, z.node.sample(rnd));
            int k = 1 + (rnd.nextInt(3) == 0 ? 1 : 0);
            for (int j = 0; j < k; j++)
                edge(Kind.ACCELERATOR, i, Prop.memoryFrom, Kind.MEMORY_MAKER, z.memMaker.sample(rnd));
        }
        // Small cycles: the largest memory makers use an accelerator that carries their memory.
        for (int m = 0; m < Math.min(3, c.memMakers); m++) {
            for (int i = 0; i < edgeCount; i++) {
                if (prop[i] == Prop.memoryFrom.ordinal() && to[i] == id(Kind.MEMORY_MAKER, m)) {
                    edge(Kind.MEMORY_MAKER, m, Prop.usesChip, Kind.ACCELERATOR, indexOf.get(from[i]));
                    break;
                }
            }
        }
    }

    /** Systems built from accelerators; models developed by organizations and trained on accelerators. */
    private void systemsAndModels(Counts c, Zipfs z) {
        for (int i = 0; i < c.systems; i++) {
            edge(Kind.DESIGNER, z.designer.sample(rnd), Prop.designerOf, Kind.SYSTEM, i);
            int k = 1 + rnd.nextInt(3);
            for (int j = 0; j < k; j++)
                edge(Kind.SYSTEM, i, Prop.builtFrom, Kind.ACCELERATOR, z.acc.sample(rnd));
        }
        for (int i = 0; i < c.models; i++) {
            int org = z.org.sample(rnd);
            edge(orgKind(org, c.aiDevs), orgIndex(org, c.aiDevs), Prop.developerOf, Kind.MODEL, i);
            int k = 1 + rnd.nextInt(3);
            for (int j = 0; j < k; j++)
                edge(Kind.MODEL, i, Prop.trainedOn, Kind.ACCELERATOR, z.acc.sample(rnd));
        }
    }

    /** Sources of edges: one, sometimes two (a fact with two sources is in both graphs); each entity's home source. */
    private int[] assignSources() {
        for (int i = 0; i < edgeCount; i++) {
            srcOf[i] = rnd.nextInt(sources);
            srcOf2[i] = rnd.nextInt(10) == 0 ? rnd.nextInt(sources) : -1;
            if (srcOf2[i] == srcOf[i])
                srcOf2[i] = -1;
        }
        int[] homeSource = new int[kindOf.size()];
        for (int i = 0; i < homeSource.length; i++)
            homeSource[i] = rnd.nextInt(sources);
        return homeSource;
    }

    private void header(Out o) throws IOException {
        o.line("# chipgraph synthetic supply network: scale " + fmtScale(scale) + ", seed " + seed + ", "
               + edgeCount + " direct dependency edges, " + kindOf.size() + " entities, " + sources + " sources.");
        o.line("# Generated by `chipgraph generate`; not real facts. Load with: chipgraph load FILE");
        o.line("@prefix cg:   <" + NS + "> .");
        o.line("@prefix id:   <" + ID + "> .");
        o.line("@prefix src:  <" + Chipgraph.SOURCE + "> .");
        o.line("@prefix g:    <" + Chipgraph.GRAPH + "> .");
        o.line("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .");
        o.line("@prefix prov: <http://www.w3.org/ns/prov#> .");
        o.line("@prefix dct:  <http://purl.org/dc/terms/> .");
        o.line("@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .");
        o.line("");
    }

    /** Sources, described as data/sources.ttl describes real ones. */
    private void sourcesGraph(Out o) throws IOException {
        o.line("g:sources {");
        for (int s = 0; s < sources; s++) {
            String slug = sourceSlug(s);
            LocalDate d = date(s * 7919L);
            int publisher = id(Kind.PUBLISHER, s % countByKind.get(Kind.PUBLISHER));
            o.line("  src:" + slug + " a cg:SourceDocument ;");
            o.line("    rdfs:label \"Synthetic supply-chain report " + s + "\"@en , \"합성 공급망 보고서 " + s + "\"@ko ;");
            o.line("    dct:title \"Synthetic supply-chain report " + s + " (generated, seed " + seed + ")\"@en ;");
            o.line("    dct:publisher " + iri(publisher) + " ;");
            o.line("    dct:date \"" + d + "\"^^xsd:date ;");
            o.line("    dct:language \"en\" ;");
            o.line("    cg:grade \"" + (s % 3 == 0 ? "P" : "S") + "\" ;");
            o.line("    cg:url \"https://example.org/chipgraph-synthetic/" + slug + "\"^^xsd:anyURI .");
            o.line("  g:" + slug + " prov:wasDerivedFrom src:" + slug + " .");
        }
        o.line("}");
        o.line("");
    }

    /** The register: every entity typed, labelled (en, ko) and derived from its source. */
    private void register(Out o, int[] homeSource) throws IOException {
        o.line("g:register {");
        for (int i = 0; i < kindOf.size(); i++) {
            Kind k = kindOf.get(i);
            int x = indexOf.get(i);
            o.line("  " + iri(i) + " a cg:" + k.cls + " ;");
            o.line("    rdfs:label \"" + k.en + " " + x + "\"@en , \"" + k.ko + " " + x + "\"@ko ;");
            o.line("    prov:wasDerivedFrom src:" + sourceSlug(homeSource[i]) + " .");
        }
        o.line("}");
        o.line("");
    }

    /**
     * Facts, graph by graph: edges (counting sort by source) and each entity's attributes in the
     * graph of its home source.
     */
    private void facts(Out o, int[] homeSource) throws IOException {
        int n = kindOf.size();
        int[] edgeOrder = bySource(edgeCount, srcOf, sources);
        int[] edgeStart = starts(edgeCount, srcOf, sources);
        int dupCount = 0;
        for (int i = 0; i < edgeCount; i++) if (srcOf2[i] >= 0) dupCount++;
        int[] dupEdges = new int[dupCount], dupSrc = new int[dupCount];
        for (int i = 0, j = 0; i < edgeCount; i++) if (srcOf2[i] >= 0) { dupEdges[j] = i; dupSrc[j++] = srcOf2[i]; }
        int[] dupOrder = bySource(dupCount, dupSrc, sources);
        int[] dupStart = starts(dupCount, dupSrc, sources);
        int[] entityOrder = bySource(n, homeSource, sources);
        int[] entityStart = starts(n, homeSource, sources);
        for (int s = 0; s < sources; s++) {
            o.line("g:" + sourceSlug(s) + " {");
            for (int j = entityStart[s]; j < entityStart[s + 1]; j++)
                attributes(o, entityOrder[j]);
            for (int j = edgeStart[s]; j < edgeStart[s + 1]; j++)
                edgeLine(o, edgeOrder[j]);
            for (int j = dupStart[s]; j < dupStart[s + 1]; j++)
                edgeLine(o, dupEdges[dupOrder[j]]);
            o.line("}");
        }
    }

    private Stats stats(Out o) {
        int n = kindOf.size();
        Map<String, Integer> perKind = new LinkedHashMap<>();
        countByKind.forEach((k, c) -> perKind.put(k.stem, c));
        Map<String, Integer> perProp = new LinkedHashMap<>();
        for (Prop p : Prop.values()) perProp.put(p.name(), 0);
        for (int i = 0; i < edgeCount; i++) perProp.merge(Prop.values()[prop[i]].name(), 1, Integer::sum);
        String[] iris = new String[n];
        for (int i = 0; i < n; i++) iris[i] = ID + localName(i);
        return new Stats(scale, seed, n, edgeCount, o.triples, sources, perKind, perProp,
                Arrays.copyOf(from, edgeCount), Arrays.copyOf(to, edgeCount), iris);
    }

    // ------------------------------------------------------------------ attributes of entities

    private void attributes(Out o, int i) throws IOException {
        Kind k = kindOf.get(i);
        int x = indexOf.get(i);
        // Attribute values come from a generator seeded by the entity, so they do not depend on
        // the order in which entities are written.
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        String s = "  " + iri(i) + " ";
        int countries = countByKind.get(Kind.COUNTRY);
        if (zAttrCountry == null) {
            zAttrCountry = new Zipf(countries);
            zAttrAgency = new Zipf(countByKind.get(Kind.AGENCY));
            zAttrAcc = new Zipf(countByKind.get(Kind.ACCELERATOR));
        }
        switch (k) {
            case GOVERNMENT -> o.line(s + "cg:governmentOf " + iri(id(Kind.COUNTRY, x)) + " .");
            case AGENCY -> o.line(s + "cg:partOf " + iri(id(Kind.GOVERNMENT, x % countries)) + " .");
            case FOUNDRY, EQUIPMENT_MAKER, SUB_SUPPLIER, MATERIAL_MAKER, MEMORY_MAKER, DESIGNER, AI_DEVELOPER, CLOUD, PUBLISHER ->
                    o.line(s + "cg:headquarteredIn " + iri(id(Kind.COUNTRY, zAttrCountry.sample(r))) + " .");
            case ACCELERATOR -> {
                // TPP spread over the export-control thresholds (1600, 4800) and far above.
                long tppTenths = 2_000 + (long) (Math.pow(r.nextDouble(), 2) * 400_000);
                long dieTenths = 1_000 + r.nextInt(7_500);
                long pdHundredths = tppTenths * 100 / dieTenths;
                o.line(s + "cg:tpp " + tenths(tppTenths) + " ;");
                o.line("    cg:dieAreaMM2 " + tenths(dieTenths) + " ;");
                o.line("    cg:performanceDensity " + hundredths(pdHundredths) + " ;");
                o.line("    cg:memoryCapacityGB " + (16 + 16 * r.nextInt(12)) + ".0 ;");
                o.line("    cg:memoryBandwidthGBps " + (400 + 100 * r.nextInt(80)) + ".0 ;");
                o.line("    cg:tdpW " + (150 + 25 * r.nextInt(40)) + ".0 ;");
                o.line("    cg:fp16DenseTFLOPS " + tenths(tppTenths / 16) + " ;");
                o.line("    cg:interconnectBandwidthGBps " + (100 + 50 * r.nextInt(36)) + ".0 ;");
                o.line("    cg:releasedOn \"" + date(r.nextInt(4000)) + "\"^^xsd:date .");
            }
            case MEMORY_CHIP -> {
                o.line(s + "cg:memoryCapacityGB " + (8 + 8 * r.nextInt(6)) + ".0 ;");
                o.line("    cg:memoryBandwidthGBps " + (600 + 100 * r.nextInt(15)) + ".0 ;");
                o.line("    cg:releasedOn \"" + date(r.nextInt(4000)) + "\"^^xsd:date .");
            }
            case SYSTEM -> {
                o.line(s + "cg:chipCount " + (8 << r.nextInt(6)) + " ;");
                o.line("    cg:releasedOn \"" + date(r.nextInt(4000)) + "\"^^xsd:date .");
            }
            case MODEL -> o.line(s + "cg:releasedOn \"" + date(1000 + r.nextInt(3000)) + "\"^^xsd:date .");
            case RULE, LISTING -> {
                LocalDate fromDate = date(500 + r.nextInt(3500));
                o.line(s + "cg:issuedBy " + iri(id(Kind.AGENCY, zAttrAgency.sample(r))) + " ;");
                o.line("    cg:effectiveFrom \"" + fromDate + "\"^^xsd:date ;");
                if (r.nextInt(10) < 3)
                    o.line("    cg:effectiveUntil \"" + fromDate.plusDays(100 + r.nextInt(900)) + "\"^^xsd:date ;");
                TreeSet<Integer> targets = new TreeSet<>();
                if (k == Kind.RULE) {
                    int m = 1 + r.nextInt(8);
                    for (int j = 0; j < m; j++) targets.add(zAttrAcc.sample(r));
                    for (int t : targets)
                        o.line("    cg:appliesTo " + iri(id(Kind.ACCELERATOR, t)) + " ;");
                } else {
                    int orgs = countByKind.get(Kind.AI_DEVELOPER);
                    int m = 1 + r.nextInt(4);
                    for (int j = 0; j < m; j++) targets.add(r.nextInt(orgs));
                    for (int t : targets)
                        o.line("    cg:listedEntity " + iri(id(Kind.AI_DEVELOPER, t)) + " ;");
                }
                o.line("    cg:targets " + iri(id(Kind.COUNTRY, zAttrCountry.sample(r))) + " .");
            }
            default -> { }
        }
    }

    private void edgeLine(Out o, int e) throws IOException {
        o.line("  " + iri(from[e]) + " cg:" + Prop.values()[prop[e]].name() + " " + iri(to[e]) + " .");
    }

    // ------------------------------------------------------------------ helpers

    private void add(Kind k, int count) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = kindOf.size();
            kindOf.add(k);
            indexOf.add(i);
        }
        idsByKind.put(k, ids);
        countByKind.put(k, count);
    }

    private int id(Kind k, int index) { return idsByKind.get(k)[index]; }

    private static Kind orgKind(int org, int aiDevs) { return org < aiDevs ? Kind.AI_DEVELOPER : Kind.CLOUD; }
    private static int orgIndex(int org, int aiDevs) { return org < aiDevs ? org : org - aiDevs; }

    /** Adds a direct edge unless the same edge exists already. */
    private void edge(Kind fk, int fi, Prop p, Kind tk, int ti) {
        int f = id(fk, fi), t = id(tk, ti);
        long key = ((long) f * 16 + p.ordinal()) * 4_000_000_000L + t;
        if (f == t || !edgeKeys.add(key))
            return;
        if (edgeCount == from.length) {
            int cap = from.length * 2;
            from = Arrays.copyOf(from, cap); to = Arrays.copyOf(to, cap); prop = Arrays.copyOf(prop, cap);
            srcOf = Arrays.copyOf(srcOf, cap); srcOf2 = Arrays.copyOf(srcOf2, cap);
        }
        from[edgeCount] = f;
        to[edgeCount] = t;
        prop[edgeCount] = (byte) p.ordinal();
        edgeCount++;
    }

    private String localName(int i) { return "syn-" + kindOf.get(i).stem + "-" + indexOf.get(i); }
    private String iri(int i) { return "id:" + localName(i); }

    private String sourceSlug(int s) { return "syn-" + seed + "-report-" + s; }

    private static LocalDate date(long dayOffset) {
        return LocalDate.of(2014, 1, 1).plusDays(Math.floorMod(dayOffset, 4383));
    }

    private static int atLeast(int min, double v) { return Math.max(min, (int) Math.round(v)); }

    private static String tenths(long t) { return (t / 10) + "." + (t % 10); }
    private static String hundredths(long h) { return (h / 100) + "." + String.format(Locale.ROOT, "%02d", h % 100); }

    static String fmtScale(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    /** Indices 0..n-1 ordered by key (stable counting sort). */
    private static int[] bySource(int n, int[] key, int buckets) {
        int[] start = starts(n, key, buckets);
        int[] pos = Arrays.copyOf(start, buckets);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[pos[key[i]]++] = i;
        return order;
    }

    private static int[] starts(int n, int[] key, int buckets) {
        int[] start = new int[buckets + 1];
        for (int i = 0; i < n; i++) start[key[i] + 1]++;
        for (int b = 0; b < buckets; b++) start[b + 1] += start[b];
        return start;
    }

    /** Zipf over ranks 0..n-1: P(rank r) proportional to 1/(r+1)^ZIPF. */
    static final class Zipf {
        private final double[] cumulative;
        Zipf(int n) {
            cumulative = new double[n];
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += 1.0 / Math.pow(r + 1, ZIPF);
                cumulative[r] = sum;
            }
        }
        int sample(SplittableRandom rnd) {
            double u = rnd.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, u);
            return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
        }
    }

    /** Line writer that counts the triples (statements ending in ';' or '.') it writes. */
    private static final class Out {
        final Writer w;
        long triples;
        Out(Writer w) { this.w = w; }
        void line(String s) throws IOException {
            w.write(s);
            w.write('\n');
            if (!s.startsWith("#") && !s.startsWith("@") && (s.endsWith(" ;") || s.endsWith(" .")))
                triples += s.contains("rdfs:label") ? 2 : 1;
        }
    }
}
