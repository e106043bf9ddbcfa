package org.w3id.chipgraph.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

class NaturalOrderTest {
    @Test
    void numbersCountAsNumbers() {
        List<String> names = new ArrayList<>(List.of("d10-x", "D2", "d1-y", "d11", "r3", "d2-a", "r10", "alpha", "d100"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("alpha", "d1-y", "D2", "d2-a", "d10-x", "d11", "d100", "r3", "r10"), names);
    }

    @Test
    void hugeNumbersAndEqualValues() {
        assertTrue(NaturalOrder.INSTANCE.compare("x99999999999999999999999", "x100000000000000000000000") < 0);
        assertNotEquals(0, NaturalOrder.INSTANCE.compare("d01", "d1"), "different names never compare equal");
    }

    @Test
    void theCatalogueListsD2BeforeD10() {
        List<String> names = QueryCatalog.in(TestGraph.PROJECT.resolve("queries")).queries().stream().map(CatalogQuery::name).toList();
        assertTrue(names.indexOf("d2-3a090a-thresholds-2023") < names.indexOf("d10-hopper-memory"), names.toString());
        assertTrue(names.indexOf("d9") < 0 || names.indexOf("d1-oct-2022-eccns") < names.indexOf("d10-hopper-memory"));
    }
}
