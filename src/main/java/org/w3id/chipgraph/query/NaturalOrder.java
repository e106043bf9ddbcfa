package org.w3id.chipgraph.query;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in the order people count: runs of digits compare as numbers, the rest ignoring case,
 * so d1, d2, ..., d10 (not d1, d10, d2). Ties (d01 vs d1, D1 vs d1) fall back to plain order.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();
    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    private NaturalOrder() {}

    @Override
    public int compare(String a, String b) {
        List<String> xs = chunks(a), ys = chunks(b);
        for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
            String x = xs.get(i), y = ys.get(i);
            boolean nx = Character.isDigit(x.charAt(0)), ny = Character.isDigit(y.charAt(0));
            int c = nx && ny ? new BigInteger(x).compareTo(new BigInteger(y))
                    : nx != ny ? (nx ? -1 : 1) : x.compareToIgnoreCase(y);
            if (c != 0)
                return c;
        }
        int c = Integer.compare(xs.size(), ys.size());
        return c != 0 ? c : a.compareTo(b);
    }

    private static List<String> chunks(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = CHUNK.matcher(s);
        while (m.find())
            out.add(m.group());
        return out;
    }
}
