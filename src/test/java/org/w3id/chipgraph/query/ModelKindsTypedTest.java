package org.w3id.chipgraph.query;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/**
 * The catalogue queries of the model-v2 kinds (issue 13 §2) return their values as typed
 * data, not text: the CSV comparison of QueryCatalogTest ignores datatypes, so this test
 * checks them, on rows whose values come from domain-facts.md.
 */
class ModelKindsTypedTest {

    static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    static List<Binding> rows(String query, Map<String, String> params) {
        CatalogQuery q = QueryCatalogTest.CATALOG.byName(query).orElseThrow(() -> new AssertionError("no query " + query));
        RowSetRewindable rs = QueryRunner.select(TestGraph.dataset(), q.parse(), QueryRunner.bindings(q, params));
        List<Binding> out = new ArrayList<>();
        rs.forEachRemaining(out::add);
        return out;
    }

    static Binding rowWith(List<Binding> rows, String var, String lexical) {
        return rows.stream().filter(b -> b.get(Var.alloc(var)) != null && b.get(Var.alloc(var)).getLiteralLexicalForm().equals(lexical))
                .findFirst().orElseThrow(() -> new AssertionError("no row with " + var + " = " + lexical));
    }

    static void assertTyped(Binding b, String var, XSDDatatype type, String value) {
        Node n = b.get(Var.alloc(var));
        assertNotNull(n, "?" + var + " unbound");
        assertTrue(n.isLiteral(), "?" + var + " is not a literal: " + n);
        assertEquals(type.getURI(), n.getLiteralDatatypeURI(), "?" + var + " datatype");
        assertEquals(0, new BigDecimal(n.getLiteralLexicalForm()).compareTo(new BigDecimal(value)), "?" + var + " value");
    }

    @Test
    void moneyIsDecimalWithIsoCurrencyAndDate() {
        List<Binding> rows = rows("money", Map.of());
        // Nvidia 8-K: "Expected charge up to $5.5 B"
        Binding nvidia = rowWith(rows, "date", "2025-04-09");
        assertTyped(nvidia, "value", XSDDatatype.XSDdecimal, "5500000000");
        assertEquals("USD", nvidia.get(Var.alloc("currency")).getLiteralLexicalForm());
        assertEquals(XSD + "date", nvidia.get(Var.alloc("date")).getLiteralDatatypeURI());
        assertEquals(XSD + "boolean", nvidia.get(Var.alloc("upperLimit")).getLiteralDatatypeURI());
        // SAMR: "penalty up to 10 % of prior-year sales": a share, no amount
        Binding samr = rowWith(rows, "date", "2025-09-15");
        assertTyped(samr, "percentOfRevenue", XSDDatatype.XSDdecimal, "10");
        assertNull(samr.get(Var.alloc("value")), "a ceiling stated as a share of sales has no amount value");
        for (Binding b : rows)
            if (b.get(Var.alloc("currency")) != null)
                assertTrue(b.get(Var.alloc("currency")).getLiteralLexicalForm().matches("[A-Z]{3}"), "ISO 4217 code: " + b);
    }

    @Test
    void claimedQuantitiesAreDecimalsWithUnitAndDate() {
        Binding now = rowWith(rows("claimed-quantities", Map.of()), "refersToDate", "2025-05-21");
        assertTyped(now, "value", XSDDatatype.XSDdecimal, "50");
        assertEquals("%", now.get(Var.alloc("unit")).getLiteralLexicalForm());
        assertEquals(XSD + "date", now.get(Var.alloc("refersToDate")).getLiteralDatatypeURI());
        Binding huawei = rows("claimed-quantities", Map.of("of", "id:huawei")).get(0);
        assertTyped(huawei, "value", XSDDatatype.XSDdecimal, "200000");
        assertTyped(huawei, "refersToYear", XSDDatatype.XSDinteger, "2025");
        assertEquals("true", huawei.get(Var.alloc("uncertain")).getLiteralLexicalForm(), "a [S/U] figure stays an uncertain claim");
    }

    @Test
    void licenceExceptionsCarryBooleanAndDecimalConditions() {
        List<Binding> rows = rows("licence-free-destinations", Map.of("asOf", "2025-01-01"));
        Binding hbm = rowWith(rows, "covers", "3A090.c");
        assertTyped(hbm, "densityBelow", XSDDatatype.XSDdecimal, "3.3");
        Binding aca = rows.stream().filter(b -> b.get(Var.alloc("notificationRequired")) != null
                && b.get(Var.alloc("notificationRequired")).getLiteralLexicalForm().equals("false")).findFirst().orElseThrow();
        assertEquals(XSD + "boolean", aca.get(Var.alloc("notificationRequired")).getLiteralDatatypeURI());
        assertTrue(rows("licence-free-destinations", Map.of("asOf", "2023-01-01")).isEmpty(),
                "no licence exception or scope exception for 3A090 before 17 Nov 2023");
    }

    @Test
    void countryGroupMembersComeWithTheDateOfTheListNamingThem() {
        // 15 CFR 740 Supp. 1 (eCFR, 20 Jun 2026): China in D:5; Italy, Japan, the Netherlands, South Korea, the UK in A:5.
        List<Binding> rows = rows("licence-free-destinations", Map.of("asOf", "2024-06-01"));
        Binding d5 = rowWith(rows, "destination", "Country Group D:5");
        assertEquals("China", d5.get(Var.alloc("members")).getLiteralLexicalForm());
        assertEquals(XSD + "date", d5.get(Var.alloc("membersListedOn")).getLiteralDatatypeURI());
        assertEquals("Italy, Japan, Netherlands, South Korea, United Kingdom",
                rowWith(rows, "destination", "Country Group A:5").get(Var.alloc("members")).getLiteralLexicalForm());
        assertNull(rowWith(rows, "destination", "Country Group D:1").get(Var.alloc("members")), "no D:1 member is stated");
    }

    @Test
    void aConfigurationInheritsItsBaseTppAsADecimal() {
        Binding tpp = rowWith(rows("configurations", Map.of()), "unit", "bit-TOPS (TPP)");
        assertTyped(tpp, "value", XSDDatatype.XSDdecimal, "4992");
        assertEquals("inherited", tpp.get(Var.alloc("origin")).getLiteralLexicalForm());
    }
}
