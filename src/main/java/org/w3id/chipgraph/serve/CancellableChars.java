package org.w3id.chipgraph.serve;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * The text a regular expression runs over, checking the query's cancel signal as the matcher
 * reads it. Java's matcher reads every character through {@link #charAt}, backtracking included,
 * so a catastrophic pattern ({@code (a*)*\1x}) stops soon after the query's timeout sets the signal.
 */
final class CancellableChars implements CharSequence {
    private final CharSequence text;
    private final AtomicBoolean cancel;
    private int reads;

    private CancellableChars(CharSequence text, AtomicBoolean cancel) {
        this.text = text;
        this.cancel = cancel;
    }

    /** {@code text} itself when the execution has no cancel signal (no timeout to honour). */
    static CharSequence of(String text, FunctionEnv env) {
        AtomicBoolean cancel = env instanceof ExecutionContext ec ? ec.getCancelSignal()
                : env == null ? null : Context.getCancelSignal(env.getContext());
        return cancel == null ? text : new CancellableChars(text, cancel);
    }

    @Override
    public char charAt(int index) {
        // A volatile read every 4096 characters: negligible beside the matching itself.
        if ((++reads & 0xFFF) == 0 && cancel.get())
            throw new QueryCancelledException();
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new CancellableChars(text.subSequence(start, end), cancel);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
