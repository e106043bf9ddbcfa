package org.w3id.chipgraph.serve;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Fuseki declares an error message's Content-Length as its length in characters, then writes it
 * in UTF-8: a message with non-ASCII text (an IRI such as {@code http://ä.example/x} quoted back)
 * is longer in bytes, and Jetty turns the answer into a 500 "Insufficient content written" with a
 * stack trace. Error responses (status 400 and above) are sent without a declared length instead,
 * so the client gets the status and the message as written.
 */
public final class ErrorLengthFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(req, new HttpServletResponseWrapper((HttpServletResponse) resp) {
            @Override
            public void setContentLength(int len) {
                if (getStatus() < 400)
                    super.setContentLength(len);
            }

            @Override
            public void setContentLengthLong(long len) {
                if (getStatus() < 400)
                    super.setContentLengthLong(len);
            }
        });
    }
}
