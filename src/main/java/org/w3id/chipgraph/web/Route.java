package org.w3id.chipgraph.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What one of our routes does with a request, answering from the store version current when it
 * came; {@link RouteServlet} serves it and answers its expected errors.
 */
interface Route {
    void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException;

    /** A page's answer to an expected error (see {@link Responses}): the shared error page, unless the route has its own. */
    default void errorPage(HttpServletRequest req, HttpServletResponse resp, int status, String message) throws IOException {
        Responses.errorPage(resp, status, message);
    }
}
