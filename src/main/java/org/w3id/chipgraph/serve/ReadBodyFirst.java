package org.w3id.chipgraph.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

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
 * bytes" (with both cores busy: 30 of 450 oversized POSTs, 11 of 300 small refused writes). A
 * body read whole cannot be left unread. Bodies here are queries and refused writes, at most
 * {@code maxBodyBytes} (1 MB by default), so holding one is cheap; it is read without holding a
 * thread while it arrives (Jetty's idle timeout bounds a stalled client).
 *
 * <p>A body declared larger than {@link #drainLimit}, or sent with {@code Expect: 100-continue}, is
 * refused before it is read: a client that waits for "100 Continue" sends nothing more, and one
 * that sends many megabytes more than the cap is not worth reading (it may see a reset).
 *
 * <p>The bodies held at once share a budget, {@link #BODIES_HELD} times the cap (16 MB by default),
 * so that many connections sending large bodies slowly cannot fill the heap (a servlet reading the
 * body was bounded by the thread pool; a body read without a thread is not). A body that does not
 * fit is read and thrown away like an oversized one, then answered 503 with {@code Retry-After}.
 */
final class ReadBodyFirst extends Handler.Wrapper {
    /** How many bodies of the largest size may be held at once. */
    static final int BODIES_HELD = 16;
    /** How much of a refused body is read and thrown away so that the refusal reaches the client. */
    final long drainLimit;
    private final long maxBodyBytes;
    private final long budget;
    private final AtomicLong held = new AtomicLong();

    ReadBodyFirst(long maxBodyBytes, Handler handler) {
        super(handler);
        this.maxBodyBytes = maxBodyBytes;
        this.drainLimit = Math.max(8 * maxBodyBytes, 8L * 1024 * 1024);
        this.budget = BODIES_HELD * maxBodyBytes;
    }

    /** Bytes of request bodies held now, read and not yet answered. */
    long held() {
        return held.get();
    }

    private boolean reserve(long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > budget)
                return false;
        } while (!held.compareAndSet(now, now + bytes));
        return true;
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
        /** The budget was full when part of this body came: it is read to its end and refused. */
        boolean overBudget;

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
                    // a client that stopped sending (idle past Jetty's timeout) or went away
                    forget();
                    if (chunk.getFailure() instanceof TimeoutException)
                        Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408,
                                "The request body stopped arriving before its end.");
                    else
                        Response.writeError(request, response, callback, chunk.getFailure());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int n = bytes.remaining();
                seen += n;
                if (seen <= maxBodyBytes && !overBudget && reserve(n)) {
                    byte[] copy = new byte[n];
                    bytes.get(copy);
                    kept.writeBytes(copy);
                } else {
                    overBudget |= seen <= maxBodyBytes;
                    forget();
                }
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (seen > maxBodyBytes)
                        refuse(request, response, callback, seen);
                    else if (overBudget)
                        busy();
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

        /** Gives back what this body holds of the budget. */
        private void forget() {
            held.addAndGet(-kept.size());
            kept.reset();
        }

        private void busy() {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "Too many request bodies are arriving at once (at most " + BODIES_HELD + " times --max-body held); try again.");
        }

        private void handleWith(byte[] body) {
            // the budget is given back when the answer is done, however it ends
            long size = body.length;
            Callback done = new Callback.Nested(callback) {
                @Override
                public void succeeded() {
                    held.addAndGet(-size);
                    super.succeeded();
                }

                @Override
                public void failed(Throwable x) {
                    held.addAndGet(-size);
                    super.failed(x);
                }
            };
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
                if (!ReadBodyFirst.super.handle(whole, response, done))
                    Response.writeError(request, response, done, HttpStatus.NOT_FOUND_404);
            } catch (Throwable t) {
                Response.writeError(request, response, done, t);
            }
        }
    }
}
