package org.w3id.chipgraph.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSetStream;
import org.junit.jupiter.api.Test;

class TextTableTest {
    static final Var NAME = Var.alloc("name"), KO = Var.alloc("ko"), NOTE = Var.alloc("note");

    @Test
    void eastAsianCharactersTakeTwoColumns() {
        assertEquals(8, DisplayWidth.of("엔비디아"));
        assertEquals(6, DisplayWidth.of("英伟达"));
        assertEquals(6, DisplayWidth.of("Nvidia"));
        assertEquals(1, DisplayWidth.of("e\u0301"), "a combining accent takes no column");
        assertEquals(4, DisplayWidth.of("ＡＢ"), "fullwidth forms");
        assertEquals("엔비…", DisplayWidth.truncate("엔비디아", 5));
        assertEquals("엔비디아", DisplayWidth.truncate("엔비디아", 8));
    }

    static String render(int width, List<Binding> rows) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new TextTable(RowSetStream.create(List.of(NAME, KO, NOTE), rows.iterator()), PrefixMapping.Standard)
                .print(new PrintStream(buf, true, StandardCharsets.UTF_8), width);
        return buf.toString(StandardCharsets.UTF_8);
    }

    static Binding row(String name, String ko, String note) {
        return BindingFactory.builder().add(NAME, NodeFactory.createLiteralString(name))
                .add(KO, NodeFactory.createLiteralLang(ko, "ko")).add(NOTE, NodeFactory.createLiteralString(note)).build();
    }

    static final List<Binding> ROWS = List.of(
            row("Nvidia", "엔비디아", "Designs the H200; " + "fabricated by TSMC on its 4N process, with HBM3e from SK hynix ".repeat(3)),
            row("TSMC", "대만 TSMC", "Taiwan Semiconductor Manufacturing Company, 台积电, the foundry of most AI accelerators"),
            row("Huawei", "화웨이", "华为: Ascend 910C designer, on the Entity List since 2019"));

    @Test
    void aWideTableFitsIn120ColumnsAndStaysAligned() {
        String table = render(120, ROWS);
        List<String> lines = table.lines().toList();
        for (String l : lines)
            assertEquals(DisplayWidth.of(lines.get(0)), DisplayWidth.of(l), "every line as wide as the rule:\n" + table);
        assertTrue(DisplayWidth.of(lines.get(0)) <= 120, table);
        assertTrue(table.contains("\"엔비디아\"@ko"), "short Korean cells whole:\n" + table);
        assertTrue(table.contains("…"), "the long note is cut:\n" + table);
        // The column separators of the Korean rows line up with the header's, counted in display columns.
        for (int k = 1; k <= 3; k++)
            for (String l : lines.subList(3, lines.size() - 1))
                assertEquals(bar(lines.get(1), k), bar(l, k), "separator " + k + " of " + l);
    }

    /** Display columns before the k-th '|' after the first. */
    static int bar(String line, int k) {
        int at = 0;
        for (int i = 0; i < k; i++)
            at = line.indexOf('|', at + 1);
        return DisplayWidth.of(line.substring(0, at));
    }

    @Test
    void fullWidthKeepsEveryCell() {
        String table = render(0, ROWS);
        assertFalse(table.contains("…"), table);
        assertTrue(table.contains("with HBM3e from SK hynix fabricated by TSMC"), table);
        assertTrue(DisplayWidth.of(table.lines().findFirst().orElseThrow()) > 120);
    }
}
