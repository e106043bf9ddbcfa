package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.chipgraph.TestServer;

/**
 * The chip explorer (/chips) and the measures timeline (/timeline) over HTTP, on the graph
 * `load` builds by default (curated data and the Epoch AI datasets). Expected values come from
 * the domain facts (shared/facts/domain-facts.md §1.2, §2.1, §3), not from the pages.
 */
class DeskPagesTest {
    @RegisterExtension
    static final TestServer server = TestServer.on(TestGraph::full).project(TestGraph.PROJECT);
    static final HttpClient http = TestServer.HTTP;

    static HttpResponse<String> get(String path) throws Exception {
        return server.get(path, null);
    }

    /** The CSV of /chips with these parameters, as records keyed by column name. */
    static List<Map<String, String>> csv(String params) throws Exception {
        var r = get("/chips?format=csv&" + params);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<Map<String, String>> out = new ArrayList<>();
        for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(r.body())))
            out.add(new LinkedHashMap<>(rec.toMap()));
        return out;
    }

    static Map<String, String> chip(List<Map<String, String>> rows, String name) {
        return rows.stream().filter(r -> r.get("chip").equals(name)).findFirst().orElseThrow(() -> new AssertionError("no row " + name));
    }

    static List<String> names(List<Map<String, String>> rows) {
        return rows.stream().map(r -> r.get("chip")).toList();
    }

    // ---------------------------------------------------------------- /chips

    @Test
    void everyChipIsListedWithItsSpecsAndItsClassificationOnTheDate() throws Exception {
        List<Map<String, String>> rows = csv("asOf=2025-06-01");
        String count = QueryExecHTTP.service(server.base() + "/chipgraph/sparql")
                .query("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://w3id.org/chipgraph/ontology#Chip> }")
                .select().next().get("n").getLiteralLexicalForm();
        assertEquals(Integer.parseInt(count), rows.size(), "one row per chip");
        assertTrue(rows.size() > 150, "the curated chips and Epoch AI's rows: " + rows.size());
        // §1.1/§1.2: the H20, TPP 2,368, PD 2.91, 4.0 TB/s, TSMC 4N; not caught by 3A090.a/b
        Map<String, String> h20 = chip(rows, "Nvidia H20");
        assertEquals("Nvidia", h20.get("Designer"));
        assertEquals("United States", h20.get("Country"));
        assertEquals("TSMC", h20.get("Foundry"));
        assertEquals("TSMC 4N", h20.get("Process"));
        assertEquals(2368, Double.parseDouble(h20.get("TPP")));
        assertEquals(2.91, Double.parseDouble(h20.get("Performance density")));
        assertEquals(4000, Double.parseDouble(h20.get("Memory bandwidth (GB/s)")));
        assertEquals("none met", h20.get("3A090 on 2025-06-01"));
        assertEquals("https://w3id.org/chipgraph/id/h20", h20.get("iri"));
        // the January 2026 measures are not in force in June 2025
        assertTrue(h20.keySet().stream().filter(k -> k.contains("January 2026")).allMatch(k -> h20.get(k).equals("not in force")), h20.toString());
        assertEquals("3A090.a.1 3A090.a.2", chip(rows, "Nvidia H100").get("3A090 on 2025-06-01"), "TPP 15,832 and PD 19.45");
    }

    @Test
    void theClassificationFollowsTheDate() throws Exception {
        // §1.2: the A800 was uncontrolled under the 2022 rule (interconnect < 600 GB/s), 3A090.a.1 from November 2023
        assertEquals("none met", chip(csv("asOf=2023-01-01"), "Nvidia A800").get("3A090 on 2023-01-01"));
        assertEquals("3A090.a", chip(csv("asOf=2023-01-01"), "Nvidia A100").get("3A090 on 2023-01-01"));
        assertTrue(chip(csv("asOf=2024-01-01"), "Nvidia A800").get("3A090 on 2024-01-01").contains("3A090.a.1"));
        // §2.1, January 2026: the H200 and MI325X are in the case-by-case zone and the tariff bands 1 and 2; the B200 is above the zone
        List<Map<String, String>> later = csv("asOf=2026-06-01");
        String zone = "BIS revision to the licence review policy for advanced computing commodities (January 2026) on 2026-06-01";
        String tariff = "US 25 % tariff on advanced computing chips in two performance bands (January 2026) on 2026-06-01";
        assertEquals("Case-by-case zone", chip(later, "Nvidia H200").get(zone));
        assertEquals("Tariff band 1", chip(later, "Nvidia H200").get(tariff));
        assertEquals("Case-by-case zone", chip(later, "AMD Instinct MI325X").get(zone));
        assertEquals("Tariff band 2", chip(later, "AMD Instinct MI325X").get(tariff));
        assertEquals("none met", chip(later, "Nvidia B200").get(zone));
    }

    @Test
    void undeterminedSaysWhichSpecsAreMissing() throws Exception {
        // §1.1: no official spec of the MI309 was found, so neither its TPP nor its die area is known
        String mi309 = chip(csv("asOf=2025-06-01"), "AMD Instinct MI309").get("3A090 on 2025-06-01");
        assertEquals("undetermined: TPP, performance density unknown", mi309);
        String page = get("/chips?asOf=2025-06-01&designer=amd").body();
        assertTrue(page.contains("undetermined: TPP, performance density unknown"), "the page shows the reason too");
    }

    @Test
    void filtersKeepOnlyTheRowsAsked() throws Exception {
        List<Map<String, String>> nvidia = csv("designer=nvidia");
        assertTrue(names(nvidia).containsAll(List.of("Nvidia H20", "Nvidia H200", "Nvidia B200")), names(nvidia).toString());
        assertTrue(nvidia.stream().allMatch(r -> r.get("Designer").equals("Nvidia")));
        List<Map<String, String>> china = csv("country=china");
        assertTrue(names(china).containsAll(List.of("Huawei Ascend 910C", "Cambricon MLU370-X8", "Biren BR100")), names(china).toString());
        assertTrue(china.stream().allMatch(r -> r.get("Country").equals("China")));
        List<Map<String, String>> a1 = csv("asOf=2025-06-01&classification=eccn-3a090:3A090.a.1");
        assertTrue(names(a1).containsAll(List.of("Nvidia H100", "Nvidia A100", "AMD Instinct MI300X")));
        assertFalse(names(a1).contains("Nvidia H20"), "the H20 meets no 3A090 paragraph");
        assertTrue(a1.stream().allMatch(r -> r.get("3A090 on 2025-06-01").contains("3A090.a.1")));
        List<Map<String, String>> none = csv("asOf=2025-06-01&classification=eccn-3a090:none&designer=nvidia");
        assertTrue(names(none).contains("Nvidia H20"), names(none).toString());
        assertFalse(names(none).contains("Nvidia H100"));
    }

    @Test
    void sortingOrdersByValueWithBlanksLast() throws Exception {
        for (String dir : List.of("asc", "desc")) {
            List<Map<String, String>> rows = csv("sort=tpp&dir=" + dir);
            List<Double> tpp = rows.stream().map(r -> r.get("TPP")).takeWhile(s -> !s.isEmpty()).map(Double::parseDouble).toList();
            assertTrue(tpp.size() > 100, "most chips have a TPP");
            assertTrue(rows.subList(tpp.size(), rows.size()).stream().allMatch(r -> r.get("TPP").isEmpty()), "blanks last");
            for (int i = 1; i < tpp.size(); i++)
                assertTrue(dir.equals("asc") ? tpp.get(i - 1) <= tpp.get(i) : tpp.get(i - 1) >= tpp.get(i), dir + " at " + i);
        }
        List<String> byName = names(csv(""));
        List<String> sorted = new ArrayList<>(byName);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, byName, "by name by default");
    }

    @Test
    void theCsvHasTheRowsThePageShows() throws Exception {
        String params = "asOf=2025-06-01&country=china&sort=bandwidth&dir=desc";
        String page = get("/chips?" + params).body();
        List<String> shown = new ArrayList<>();
        Matcher m = Pattern.compile("<th scope=\"row\"><a href=\"(/id/[^\"]+)\">([^<]+)</a></th>").matcher(page);
        while (m.find())
            shown.add(m.group(2).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\""));
        assertFalse(shown.isEmpty());
        assertEquals(shown, names(csv(params)));
        // the page's own CSV link carries the same view
        Matcher link = Pattern.compile("id=\"csv\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(link.find());
        assertEquals(server.base() + "/chips?" + "asOf=2025-06-01&country=china&sort=bandwidth&dir=desc&format=csv",
                server.base() + link.group(1).replace("&amp;", "&"));
    }

    @Test
    void everyChipLinkOpensItsPage() throws Exception {
        String page = get("/chips").body();
        Set<String> links = new TreeSet<>();
        Matcher m = Pattern.compile("href=\"(/id/[^\"]+)\"").matcher(page);
        while (m.find())
            links.add(m.group(1));
        assertTrue(links.size() > 150, links.size() + " links");
        for (String l : links)
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(server.base() + l)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), l);
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/chips?asOf=2025-13-01", "'asOf'");
        bad.put("/chips?asOf=yesterday", "'asOf'");
        bad.put("/chips?sort=price", "'sort'");
        bad.put("/chips?dir=up", "'dir'");
        bad.put("/chips?designer=nobody", "'designer'");
        bad.put("/chips?country=atlantis", "'country'");
        bad.put("/chips?classification=eccn-3a090:3A090.z", "'classification'");
        bad.put("/chips?format=xml", "'format'");
        bad.put("/chips?colour=red", "'colour'");
        bad.put("/chips?format=csv&asOf=2025-02-30", "'asOf'");
        bad.put("/timeline?issuer=nobody", "'issuer'");
        bad.put("/timeline?target=atlantis", "'target'");
        bad.put("/timeline?kind=Decree", "'kind'");
        bad.put("/timeline?since=2020", "'since'");
        for (var e : bad.entrySet()) {
            var r = get(e.getKey());
            assertEquals(400, r.statusCode(), e.getKey());
            String text = r.body().replace("&#39;", "'").replace("&#x27;", "'");
            assertTrue(text.contains("Parameter " + e.getValue()) || text.contains("parameter " + e.getValue()), e.getKey() + ": " + r.body());
        }
    }

    // ---------------------------------------------------------------- /timeline

    /** data-key of each card shown, in page order. */
    static List<String> cards(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<article class=\"item [^\"]*\" id=\"item-[^\"]*\" data-key=\"([^\"]+)\"").matcher(page);
        while (m.find())
            out.add(m.group(1));
        return out;
    }

    @Test
    void theTimelineShowsEveryMeasureInDateOrder() throws Exception {
        var r = get("/timeline");
        assertEquals(200, r.statusCode());
        List<String> all = cards(r.body());
        // §2.1, §2.2, §3: US, allied and Chinese measures
        for (String k : List.of("bis-rule-2022-10-07", "bis-rule-2023-10-17", "h20-licence-requirement-2025-04", "h200-export-approval-2025-12-08",
                "nl-duv-export-control-2023", "meti-sme-export-control-2023", "mofcom-gac-gallium-germanium-2023", "cac-nvidia-h20-summons-2025-07-31"))
            assertTrue(all.contains(k), k);
        assertTrue(all.indexOf("bis-rule-2022-10-07") < all.indexOf("bis-rule-2023-10-17"));
        assertTrue(all.indexOf("mofcom-gac-gallium-germanium-2023") < all.indexOf("cac-nvidia-h20-summons-2025-07-31"));
        for (String lane : List.of("US government", "Chinese government", "Dutch government", "Japanese government"))
            assertTrue(r.body().contains("<h2 class=\"lane-name\">" + lane + " "), lane);
    }

    @Test
    void theFiltersKeepOnlyTheMeasuresAsked() throws Exception {
        // §3: China-side measures; their issuers are all Chinese agencies or the Chinese government
        String china = get("/timeline?issuer=chinese-government").body();
        List<String> chinese = cards(china);
        for (String k : List.of("cac-micron-cii-ban-2023", "mofcom-gac-gallium-germanium-2023", "samr-nvidia-investigation-2024-12",
                "samr-nvidia-preliminary-finding-2025-09", "mofcom-announcement-46-2024", "mofcom-gac-rare-earths-2025-04",
                "mofcom-rare-earth-expansion-2025-10", "cac-nvidia-h20-summons-2025-07-31", "china-h20-notices-2025-08",
                "cac-rtx-pro-6000d-order-2025-09", "china-domestic-chips-data-centres-2025-11", "china-h200-customs-2026-01",
                "big-fund-phase-1", "big-fund-phase-2", "big-fund-phase-3"))
            assertTrue(chinese.contains(k), k);
        assertFalse(chinese.contains("bis-rule-2022-10-07"));
        assertEquals(1, Pattern.compile("class=\"lane\"").matcher(china).results().count(), "one lane");
        // an agency: MOFCOM's measures only (GAC's No. 23 with MOFCOM is one of them)
        List<String> mofcom = cards(get("/timeline?issuer=mofcom").body());
        assertTrue(mofcom.contains("mofcom-gac-gallium-germanium-2023") && !mofcom.contains("cac-micron-cii-ban-2023"), mofcom.toString());
        // by kind: the Entity List additions of §2.1
        List<String> listings = cards(get("/timeline?kind=EntityListing").body());
        assertTrue(listings.containsAll(List.of("entity-listing-huawei-2019", "entity-listing-smic-2020", "entity-listing-2022-12")), listings.toString());
        assertTrue(listings.stream().allMatch(k -> k.startsWith("entity-listing")), listings.toString());
        // by target: the measures aimed at Nvidia (§3: SAMR's probe, CAC's summons)
        List<String> nvidia = cards(get("/timeline?target=nvidia").body());
        assertTrue(nvidia.containsAll(List.of("samr-nvidia-investigation-2024-12", "cac-nvidia-h20-summons-2025-07-31")), nvidia.toString());
        assertFalse(nvidia.contains("entity-listing-huawei-2019"));
    }

    @Test
    void amendmentsSuspensionsAndResponsesAreDrawnAsLinks() throws Exception {
        String page = get("/timeline").body();
        // §3: clause 2 of MOFCOM No. 46 [2024] suspended until 27 Nov 2026; §2.1: MOFCOM protested BIS's 13 May 2025 guidance;
        // §3: SAMR's preliminary finding of 15 Sep 2025 in its investigation of 9 Dec 2024
        for (String[] l : new String[][] {{"mofcom-46-2024-clause-2-suspension", "suspends", "mofcom-46-2024-clause-2"},
                {"mofcom-ascend-guidance-protest-2025", "inResponseTo", "bis-ascend-guidance-2025-05"},
                {"samr-nvidia-preliminary-finding-2025-09", "continues", "samr-nvidia-investigation-2024-12"},
                {"ai-diffusion-rescission-2025-05", "rescinds", "bis-ai-diffusion-rule-2025-01"}})
            assertTrue(page.contains("<path class=\"link " + l[1] + "\" data-from=\"" + l[0] + "\" data-to=\"" + l[2] + "\" d=\"M"), String.join(" ", l));
        // a link whose other end is filtered away is not drawn
        String us = get("/timeline?issuer=us-government").body();
        assertFalse(us.contains("data-from=\"mofcom-ascend-guidance-protest-2025\""));
    }

    @Test
    void itemsLinkToTheirPagesAndSources() throws Exception {
        String page = get("/timeline").body();
        Set<String> links = new TreeSet<>();
        Matcher m = Pattern.compile("class=\"(?:item-link|source)\" href=\"(/id/[^\"]+)\"").matcher(page);
        while (m.find())
            links.add(m.group(1));
        assertTrue(links.contains("/id/bis-rule-2022-10-07") && links.contains("/id/source/fr-2022-21658"), "the October 2022 rule and its FR source");
        for (String l : links)
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(server.base() + l)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), l);
    }
}
