package org.w3id.chipgraph.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads every request body to its end before any route sees the request, and refuses a body past
 * the cap (413) only once it has been read, up to {@link #drainLimit}.
 *
 * <p>Why: when a response is done while part of the request body has not arrived yet, Jetty closes
 * the connection at once (it will not wait for a client that may never finish). The unread bytes
 * make that close a TCP reset, and the client may lose the answer already sent: a 413 for a large
 * query, or a 405 for a refused write, came out as "connection reset" or "header parser received no
 * bytes" (1 in 30 oversized POSTs, 1 in a few hundred refused writes, more on a loaded machine). A
 * body read whole cannot be left unread. Bodies here are queries and refused writes, at most
 * {@code maxBodyBytes} (1 MB by default), so holding one is cheap; it is read without holding a
 * thread while it arrives (Jetty's idle timeout bounds a stalled client).
 *
 * <p>A body declared larger than {@link #drainLimit}, or sent with {@code Expect: 100-continue}, is
 * refused before it is read: a client that waits for "100 Continue" sends nothing more, and one
 * that sends many megabytes more than the cap is not worth reading (it may see a reset).
 */
final class ReadBodyFirst extends Handler.Wrapper {
    /** How much of a refused body is read and thrown away so that the refusal reaches the client. */
    final long drainLimit;
    private final long maxBodyBytes;

    ReadBodyFirst(long maxBodyBytes, Handler handler) {
        super(handler);
        this.maxBodyBytes = maxBodyBytes;
        this.drainLimit = Math.max(8 * maxBodyBytes, 8L * 1024 * 1024);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked)
            return super.handle(request, response, callback);
        boolean waitsForContinue = request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
        if (declared > drainLimit || (declared > maxBodyBytes && waitsForContinue)) {
            refuse(request, response, callback, declared);
            return true;
        }
        new BodyReader(request, response, callback).read();
        return true;
    }

    private void refuse(Request request, Response response, Callback callback, long size) {
        Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                "The request body is " + (size < 0 ? "over " + maxBodyBytes : size) + " bytes; the largest accepted is "
                        + maxBodyBytes + " (--max-body).");
    }

    /** Reads one request's body, keeping it while within the cap and counting it past the cap. */
    private final class BodyReader implements Runnable {
        final Request request;
        final Response response;
        final Callback callback;
        final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long seen;

        BodyReader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        /** Called again by Jetty (in a pooled thread) when more of the body has come. */
        @Override
        public void run() {
            read();
        }

        void read() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // a client that stopped sending or timed out: no request to answer
                    Response.writeError(request, response, callback, chunk.getFailure());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                seen += bytes.remaining();
                if (seen <= maxBodyBytes) {
                    byte[] copy = new byte[bytes.remaining()];
                    bytes.get(copy);
                    kept.writeBytes(copy);
                } else if (kept.size() > 0) {
                    kept.reset();
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (seen > maxBodyBytes)
                        refuse(request, response, callback, seen);
                    else
                        handleWith(kept.toByteArray());
                    return;
                }
                if (seen > drainLimit) {
                    refuse(request, response, callback, -1);
                    return;
                }
            }
        }

        private void handleWith(byte[] body) {
            Request whole = new Request.Wrapper(request) {
                private boolean given;

                @Override
                public Content.Chunk read() {
                    if (given)
                        return super.read();    // the end of the body, as often as asked
                    given = true;
                    return Content.Chunk.from(ByteBuffer.wrap(body), true);
                }

                @Override
                public void demand(Runnable demandCallback) {
                    demandCallback.run();      // the whole body is here
                }
            };
            try {
                if (!ReadBodyFirst.super.handle(whole, response, callback))
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }
    }
}
