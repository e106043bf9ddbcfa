package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;

/**
 * The dependency picture is readable, measured in Chromium from where Cytoscape drew things, on
 * the whole field (curated graph plus the Epoch AI data, as {@code serve} has it by default):
 * Nvidia (~550 nodes at depth 2), TSMC (~600) and a chip. At the initial zoom every label is
 * at least 12 px, no two node labels in view overlap, every node with its label lies wholly
 * inside the panel (none cut off at its edge), and the drawing uses the panel; large
 * neighbourhoods are grouped into summary nodes that open on a click. Screenshots of each step
 * are kept under target/browser-screenshots/ when a test fails.
 */
class PictureBrowserTest {
    @RegisterExtension
    static final BrowserFixture browser = new BrowserFixture(TestGraph::full, 1400, Duration.ofSeconds(60));
    // Each test's instance is made after the fixture started the server and the browser.
    final WebDriver driver = browser.driver();
    final String base = browser.base();

    void open(String path) {
        driver.get(base + path);
        browser.pictureLoaded();
    }

    /** What the reader sees at the initial zoom, measured from Cytoscape's rendered positions. */
    static final String MEASURE = """
            var cy = window.chipgraphGraph, box = document.getElementById('graph');
            var W = box.clientWidth, H = box.clientHeight, z = cy.zoom();
            var inView = cy.nodes().filter(n => { var b = n.renderedBoundingBox(); return b.x2 > 0 && b.x1 < W && b.y2 > 0 && b.y1 < H; });
            var labels = inView.map(n => n.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true}));
            var overlaps = [];
            for (var i = 0; i < labels.length; i++) for (var j = i + 1; j < labels.length; j++) {
              var a = labels[i], b = labels[j];
              if (a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1)
                overlaps.push(inView[i].data('label') + ' / ' + inView[j].data('label'));
            }
            var bb = cy.elements().renderedBoundingBox();
            var w = Math.min(W, bb.x2) - Math.max(0, bb.x1), h = Math.min(H, bb.y2) - Math.max(0, bb.y1);
            var root = cy.nodes('[?root]');
            var rb = root.renderedBoundingBox();
            // Each node with its label, in the page's coordinates, against the panel that clips it.
            var panel = box.getBoundingClientRect(), outside = [], worst = 0;
            cy.nodes().forEach(n => {
              var b = n.renderedBoundingBox({includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false});
              var left = panel.left + b.x1, right = panel.left + b.x2, top = panel.top + b.y1, bottom = panel.top + b.y2;
              var over = Math.max(0, panel.left - left, right - panel.right, panel.top - top, bottom - panel.bottom);
              worst = Math.max(worst, over);
              if (over > 0.5) outside.push(n.data('label') + ' by ' + Math.round(over) + ' px');
            });
            return { minFont: Math.min(...cy.nodes().map(n => parseFloat(n.style('font-size')) * z)),
                     overlaps: overlaps, inView: inView.length, nodes: cy.nodes().length,
                     widthShare: w / W, heightShare: h / H, panelWidth: W, panelHeight: H,
                     outside: outside, worstOverflow: worst,
                     rootInView: rb.x1 >= 0 && rb.x2 <= W && rb.y1 >= 0 && rb.y2 <= H,
                     rootColour: root.style('background-color'), otherColour: cy.nodes('[!root]').first().style('background-color'),
                     edgeLabel: cy.edges().first().style('label') };
            """;

    @SuppressWarnings("unchecked")
    Map<String, Object> measure() {
        return (Map<String, Object>) browser.js(MEASURE);
    }

    static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nvidia", "tsmc", "h200"})
    void thePictureIsReadableAtItsInitialZoom(String entity) {
        open("/id/" + entity);
        browser.step(entity);
        Map<String, Object> m = measure();
        String about = entity + ": " + m;
        assertTrue(num(m, "minFont") >= 12 - 1e-6, "node labels at least 12 px: " + about);
        assertEquals(List.of(), m.get("overlaps"), "overlapping node labels: " + about);
        System.out.printf("PictureBrowserTest %s: worst label overflow %.1f px, min font %.1f px%n", entity, num(m, "worstOverflow"), num(m, "minFont"));
        assertEquals(List.of(), m.get("outside"), "node labels (and group boxes) cut off at the panel's edge: " + about);
        assertTrue(num(m, "nodes") <= 60, "a large neighbourhood is grouped, not drawn node by node: " + about);
        assertTrue(num(m, "inView") >= Math.min(10, num(m, "nodes")), "most of the picture in view: " + about);
        // The drawing spans the panel's width (a layered layout, left to right) and most of its height.
        assertTrue(num(m, "widthShare") >= 0.9, "share of the panel's width used: " + about);
        assertTrue(num(m, "heightShare") >= 0.6, "share of the panel's height used: " + about);
        assertTrue(num(m, "panelWidth") >= 1000, "the panel is the page's width: " + about);
        assertEquals(Boolean.TRUE, m.get("rootInView"), "the entity itself is in view: " + about);
        assertNotEquals(m.get("otherColour"), m.get("rootColour"), "the entity is highlighted: " + about);
        assertEquals("", m.get("edgeLabel"), "edge labels show on hover only: " + about);
    }

    @Test
    void edgeLabelsShowOnHover() {
        open("/id/h200");
        Object label = browser.js("var e = window.chipgraphGraph.edges().first(); e.emit('mouseover'); return e.style('label');");
        assertFalse(label.toString().isBlank(), "an edge hovered shows its kind");
        browser.step("hover");
    }

    @Test
    void aGroupOpensOnClickAndShowsItsMembers() {
        open("/id/nvidia");
        @SuppressWarnings("unchecked")
        List<String> members = (List<String>) browser.js(
                "var g = window.chipgraphGraph.nodes('.summary').sort((a, b) => a.data('members').length - b.data('members').length).first();"
                + " var m = g.data('members'); g.emit('tap'); return m;");
        browser.pictureLoaded();
        browser.step("group-opened");
        for (String iri : members)
            assertEquals(1L, browser.js("return window.chipgraphGraph.getElementById(arguments[0]).length;", iri), iri + " drawn once opened");
    }

    @Test
    void edgeKindsFilterAndInferredToggle() {
        open("/id/h200");
        String kind = Chipgraph.NS + "fabricatedBy";
        assertTrue(((Number) browser.js("return window.chipgraphGraph.edges('[property = \"' + arguments[0] + '\"]').length;", kind)).intValue() > 0);
        driver.findElement(By.cssSelector("input.edge-kind[value='" + kind + "']")).click();
        browser.pictureLoaded();
        browser.step("without-fabricated-by");
        assertEquals(0L, browser.js("return window.chipgraphGraph.edges('[property = \"' + arguments[0] + '\"]').length;", kind));
        assertTrue((Boolean) browser.js("return window.chipgraphGraph.edges('[?inferred]').length > 0;"));
        driver.findElement(By.id("graph-inferred")).click();
        browser.pictureLoaded();
        assertEquals(0L, browser.js("return window.chipgraphGraph.edges('[?inferred]').length;"), "inferred edges hidden");
        // Asserted and inferred are told apart: dashed and solid.
        driver.findElement(By.id("graph-inferred")).click();
        browser.pictureLoaded();
        assertEquals("dashed", browser.js("return window.chipgraphGraph.edges('[?inferred]').first().style('line-style');"));
        assertEquals("solid", browser.js("return window.chipgraphGraph.edges('[!inferred]').first().style('line-style');"));
    }

    @Test
    void depthAndGroupingControls() {
        open("/id/tsmc");
        long depth2 = (Long) browser.js("return window.chipgraphGraph.nodes().length;");
        new Select(driver.findElement(By.id("graph-group"))).selectByValue("country");
        browser.pictureLoaded();
        browser.step("by-country");
        assertTrue((Boolean) browser.js("return window.chipgraphGraph.nodes('.summary').some(n => /^(Taiwan|United States|China) /.test(n.data('label')));"),
                "groups named by country");
        new Select(driver.findElement(By.id("graph-group"))).selectByValue("kind");
        new Select(driver.findElement(By.id("depth"))).selectByValue("1");
        browser.waiting().until(d -> (Long) browser.js("return window.chipgraphGraph.nodes().length;") != depth2);
        browser.pictureLoaded();
        assertTrue(num(measure(), "minFont") >= 12 - 1e-6);
    }
}
