package org.w3id.chipgraph;

import org.apache.jena.riot.system.jsonld.TitaniumJsonLdOptions;
import org.apache.jena.sparql.util.Context;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.loader.DocumentLoader;

/**
 * chipgraph never dereferences a JSON-LD context, {@code @import} or other document that a file
 * or a request names: Jena's JSON-LD parser (Titanium) would fetch {@code http:}, {@code https:}
 * and {@code file:} URLs through its document loader. This loader refuses every one, before any
 * connection or file read.
 */
public final class NoRemoteDocuments {
    private NoRemoteDocuments() {}

    public static final DocumentLoader REFUSE = (url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                "remote JSON-LD documents are not loaded (<" + url + ">): write the context inline");
    };

    /** JSON-LD options for one parse: the refusing loader. A new object each time (Jena sets its base). */
    public static JsonLdOptions options() {
        return new JsonLdOptions(REFUSE);
    }

    /** Make Jena's JSON-LD parser use the refusing loader for parses with this context. */
    public static void install(Context context) {
        context.set(TitaniumJsonLdOptions.JSONLD_OPTIONS, options());
    }
}
