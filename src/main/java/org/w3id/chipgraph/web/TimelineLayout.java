package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the timeline's items: one lane (column) per issuing government, the busiest first;
 * one row per date, oldest at the top, tall enough for the most items any lane has on it; links
 * as curves from the later item to the earlier one. Fixed pixel sizes, so the links can be drawn
 * on the server: the picture is 1120 px wide, which fits a 1400 px window with the page's margins.
 */
final class TimelineLayout {
    static final int WIDTH = 1120, AXIS = 96, CARD_HEIGHT = 70, GAP = 8, PAD = 14, TOP = 36;

    /** The colours of the links, by property local name. */
    static final Map<String, String> COLOURS = new LinkedHashMap<>();
    static {
        COLOURS.put("amends", "#0b5cad");
        COLOURS.put("supersedes", "#6a3d9a");
        COLOURS.put("rescinds", "#b2182b");
        COLOURS.put("suspends", "#d95f02");
        COLOURS.put("continues", "#1b7837");
        COLOURS.put("concerns", "#737373");
        COLOURS.put("inResponseTo", "#c51b7d");
        COLOURS.put("sameRequirementAs", "#4d4d4d");
    }

    private TimelineLayout() {}

    /** The lanes, ticks, cards and arrows for these items (already filtered) and links. */
    record Placed(int height, List<TimelineView.Lane> lanes, List<TimelineView.Tick> ticks, List<TimelineView.Card> cards,
                  List<TimelineView.Arrow> arrows) {}

    static Placed place(List<TimelineItem> items, List<TimelineData.Link> links) {
        List<TimelineView.Lane> lanes = lanes(items);
        Map<String, TimelineView.Lane> laneOf = new HashMap<>();
        lanes.forEach(l -> laneOf.put(l.key(), l));
        // items by date, then by lane: a row per date
        Map<String, Map<String, List<TimelineItem>>> rows = new LinkedHashMap<>();
        for (TimelineItem it : items)
            rows.computeIfAbsent(it.when(), k -> new LinkedHashMap<>()).computeIfAbsent(it.government(), k -> new ArrayList<>()).add(it);
        List<TimelineView.Tick> ticks = new ArrayList<>();
        List<TimelineView.Card> cards = new ArrayList<>();
        int y = TOP;
        String year = "";
        for (var row : rows.entrySet()) {
            String when = row.getKey();
            boolean newYear = !when.startsWith(year) || year.isEmpty();
            year = when.substring(0, 4);
            if (newYear && !ticks.isEmpty())
                y += GAP * 2;   // a little air between years
            ticks.add(new TimelineView.Tick(when, y, newYear));
            int stack = 0;
            for (var cell : row.getValue().entrySet()) {
                TimelineView.Lane lane = laneOf.get(cell.getKey());
                int i = 0;
                for (TimelineItem it : cell.getValue())
                    cards.add(new TimelineView.Card(it, lane.x() + PAD, y + (i++) * (CARD_HEIGHT + GAP), lane.width() - 2 * PAD, CARD_HEIGHT));
                stack = Math.max(stack, i);
            }
            y += stack * (CARD_HEIGHT + GAP);
        }
        return new Placed(y + GAP, lanes, ticks, cards, arrows(cards, links));
    }

    private static List<TimelineView.Lane> lanes(List<TimelineItem> items) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (TimelineItem it : items) {
            names.putIfAbsent(it.government(), it.governmentName());
            counts.merge(it.government(), 1, Integer::sum);
        }
        List<String> keys = new ArrayList<>(names.keySet());
        keys.sort((a, b) -> counts.get(a).equals(counts.get(b)) ? names.get(a).compareToIgnoreCase(names.get(b)) : counts.get(b) - counts.get(a));
        List<TimelineView.Lane> out = new ArrayList<>();
        int w = keys.isEmpty() ? 0 : (WIDTH - AXIS) / keys.size();
        for (int i = 0; i < keys.size(); i++)
            out.add(new TimelineView.Lane(keys.get(i), names.get(keys.get(i)), AXIS + i * w, w, counts.get(keys.get(i))));
        return out;
    }

    /** A curve per link whose two ends are shown: from the side of the later card that faces the earlier one. */
    private static List<TimelineView.Arrow> arrows(List<TimelineView.Card> cards, List<TimelineData.Link> links) {
        Map<String, TimelineView.Card> byKey = new HashMap<>();
        cards.forEach(c -> byKey.put(c.item().key(), c));
        List<TimelineView.Arrow> out = new ArrayList<>();
        for (TimelineData.Link l : links) {
            TimelineView.Card a = byKey.get(l.from()), b = byKey.get(l.to());
            if (a == null || b == null)
                continue;
            out.add(new TimelineView.Arrow(l.from(), l.to(), l.kindKey(), COLOURS.getOrDefault(l.kindKey(), "#737373"), path(a, b),
                    a.item().label() + " — " + l.kindName() + " — " + b.item().label()));
        }
        return out;
    }

    static String path(TimelineView.Card a, TimelineView.Card b) {
        int ay = a.y() + a.height() / 2, by = b.y() + b.height() / 2;
        if (a.x() == b.x()) {
            // same lane: a loop out of the right edges, wider for longer spans (kept inside the lane's margin and a bit beyond)
            int x = a.x() + a.width();
            int bulge = Math.min(PAD + 26, 10 + Math.abs(ay - by) / 40);
            return String.format("M%d,%d C%d,%d %d,%d %d,%d", x, ay, x + bulge, ay, x + bulge, by, x + 4, by);
        }
        boolean right = b.x() > a.x();
        int ax = right ? a.x() + a.width() : a.x(), bx = right ? b.x() - 4 : b.x() + b.width() + 4;
        int mid = (ax + bx) / 2;
        return String.format("M%d,%d C%d,%d %d,%d %d,%d", ax, ay, mid, ay, mid, by, bx, by);
    }
}
