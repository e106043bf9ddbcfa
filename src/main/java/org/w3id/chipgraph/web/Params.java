package org.w3id.chipgraph.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/** Request parameters read with their rules; a value that breaks one is a {@link BadRequestException} naming it. */
final class Params {
    private Params() {}

    /** The parameter's value; {@code what} says what it should be when it is missing. */
    static String required(HttpServletRequest req, String name, String what) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank())
            throw new BadRequestException("Missing parameter '" + name + "'" + (what.isEmpty() ? "" : " (" + what + ")"));
        return v;
    }

    /** A whole number from {@code min} to {@code max}; {@code dflt} when not given. */
    static int integer(HttpServletRequest req, String name, int dflt, int min, int max) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank())
            return dflt;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max)
                return n;
        } catch (NumberFormatException e) {
            // not a number: the same message as one out of range
        }
        throw new BadRequestException(name + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
    }

    /** A date YYYY-MM-DD, or null when not given. */
    static LocalDate date(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank())
            return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date YYYY-MM-DD, got '" + v + "'");
        }
    }

    /** Every request parameter, each given once (a query's parameters; the query refuses names it does not declare). */
    static Map<String, String> single(HttpServletRequest req) {
        Map<String, String> m = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> {
            if (v.length > 1)
                throw new BadRequestException("Parameter '" + k + "' is given " + v.length + " times; give it once");
            m.put(k, v[0]);
        });
        return m;
    }
}
