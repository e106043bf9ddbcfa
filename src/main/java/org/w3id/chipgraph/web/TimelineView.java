package org.w3id.chipgraph.web;

import java.util.List;

/**
 * What timeline.jte draws: the lanes (one per issuing government), the dates down the time
 * axis, the items as cards placed in pixels, the links between them as SVG paths, and the filter
 * choices. Computed on the server (see {@link TimelineLayout}), so the page needs no script.
 * Public because the compiled templates live in jte's own package.
 */
public record TimelineView(int width, int height, List<Lane> lanes, List<Tick> ticks, List<Card> cards, List<Arrow> arrows,
                           List<ChipsView.Option> issuers, List<ChipsView.Option> targets, List<ChipsView.Option> kinds,
                           List<LinkKind> linkKinds, int total) {

    /** A column of the timeline: the items of one government (its agencies included). */
    public record Lane(String key, String name, int x, int width, int count) {}

    /** A date on the time axis: its label, where its row starts, and whether it opens a new year. */
    public record Tick(String label, int y, boolean year) {}

    /** An item placed on the timeline. */
    public record Card(TimelineItem item, int x, int y, int width, int height) {}

    /** A link drawn from one card to another: its SVG path and what it says. */
    public record Arrow(String from, String to, String kind, String colour, String path, String title) {}

    /** A kind of link in the legend, with its colour. */
    public record LinkKind(String key, String name, String colour) {}
}
