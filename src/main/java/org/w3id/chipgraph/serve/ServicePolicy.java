package org.w3id.chipgraph.serve;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/**
 * Which endpoints a SPARQL {@code SERVICE} may call, and where each one really goes.
 *
 * <p>The allow-list is exact: a query may name only the endpoint IRIs of the service map
 * (by default {@code https://query.wikidata.org/sparql}, which goes to itself). The map says
 * which URL each one is sent to, so a deployment or a test can point the Wikidata IRI of a
 * query at a mirror or a local fixture without changing the query. Any other IRI is refused,
 * decided from the IRI's text alone (no name lookup, no connection), with a message naming the
 * IRI and the rule: not http(s), a loopback name or address, a private, link-local or other
 * internal address, or simply not on the list.
 *
 * <p>Two walls: {@link #checkQuery(Query)} before a query runs (the server answers 403), and
 * the service executor installed by {@link #install(Context)}, which checks and rewrites each
 * SERVICE call as it is executed (so a query that slipped past the first check still cannot
 * reach anything else).
 */
public final class ServicePolicy {
    public static final String WIKIDATA = "https://query.wikidata.org/sparql";

    /**
     * The HTTP client of SERVICE calls: it never follows a redirect (Jena's default client does,
     * which would take an allowed endpoint's 302 to any address, past the allow-list). A redirect
     * is answered as a refusal instead.
     */
    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final Map<String, String> map;
    private final ServiceExecutor transport;

    private ServicePolicy(Map<String, String> map, ServiceExecutor transport) {
        this.map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
        this.transport = transport;
    }

    /** Wikidata's public endpoint only, reached directly. */
    public static ServicePolicy defaults() {
        return of(Map.of());
    }

    /**
     * The default allow-list with these entries added or replaced: endpoint IRI (as written in
     * queries) to the URL actually called. Both must be absolute http(s) URLs.
     */
    public static ServicePolicy of(Map<String, String> serviceMap) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(WIKIDATA, WIKIDATA);
        serviceMap.forEach((iri, target) -> {
            checkConfigured(iri, "endpoint IRI");
            checkConfigured(target, "target URL of <" + iri + ">");
            m.put(iri, target);
        });
        return new ServicePolicy(m, ServiceExecutorRegistry.httpService);
    }

    /** The same policy, sending allowed calls to {@code transport} instead of HTTP (tests record calls with it). */
    public ServicePolicy withTransport(ServiceExecutor transport) {
        return new ServicePolicy(map, transport);
    }

    /** Endpoint IRI as written in queries, to the URL it is sent to. */
    public Map<String, String> serviceMap() { return map; }

    public Set<String> allowed() { return map.keySet(); }

    private static void checkConfigured(String url, String what) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null)
                throw new IllegalArgumentException("Service map: " + what + " '" + url + "' must be an absolute http or https URL");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Service map: " + what + " '" + url + "' is not a valid URL: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- decisions

    /** The URL a SERVICE to {@code iri} is sent to; refused with the rule broken if it is not allowed. */
    public String resolve(String iri) {
        String target = map.get(iri);
        if (target == null)
            throw new ServiceRefusedException(iri, reason(iri), allowed());
        return target;
    }

    /** Every SERVICE of the query (also inside EXISTS, subqueries, OPTIONAL...) must name an allowed endpoint. */
    public void checkQuery(Query query) {
        Op op = Algebra.compile(query);
        List<Node> services = new ArrayList<>();
        OpVisitorBase opVisitor = new OpVisitorBase() {
            @Override public void visit(OpService s) { services.add(s.getService()); }
        };
        ExprVisitorBase exprVisitor = new ExprVisitorBase() {
            @Override public void visit(ExprFunctionOp f) {
                // EXISTS / NOT EXISTS: walk their pattern too (whether or not the walker does).
                if (f.getGraphPattern() != null)
                    Walker.walk(f.getGraphPattern(), opVisitor, this);
            }
        };
        Walker.walk(op, opVisitor, exprVisitor);
        for (Node s : services) {
            if (!s.isURI())
                throw new ServiceRefusedException(String.valueOf(s),
                        "the endpoint of a SERVICE must be written as a constant IRI, not a variable", allowed());
            resolve(s.getURI());
        }
    }

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*\\.?");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-f:.]+(%[0-9a-z._~-]+)?");

    /**
     * Why an IRI that is not on the list is refused, from its text alone: the most specific rule
     * it breaks. Never resolves a name or opens a connection.
     */
    static String reason(String iri) {
        URI u;
        try {
            u = new URI(iri);
        } catch (URISyntaxException e) {
            return "not a valid IRI";
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https"))
            return scheme.isEmpty() ? "a relative IRI is not an endpoint" : "the scheme '" + scheme + ":' is not allowed (only http and https endpoints)";
        if (u.getRawUserInfo() != null)
            return "user information in an endpoint IRI is not allowed";
        String host = u.getHost();
        if (host == null && u.getRawAuthority() != null) {
            // java.net.URI leaves the host empty for names it does not accept (e.g. "0x7f.1"): take it from the authority.
            String a = u.getRawAuthority();
            if (!a.startsWith("[")) {
                int colon = a.lastIndexOf(':');
                host = colon >= 0 ? a.substring(0, colon) : a;
            }
        }
        if (host == null || host.isEmpty())
            return "the IRI names no host";
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith("."))
            host = host.substring(0, host.length() - 1);
        if (host.startsWith("[") && host.endsWith("]"))
            return ipv6Reason(host.substring(1, host.length() - 1));
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("localhost.localdomain")
                || host.equals("ip6-localhost") || host.equals("ip6-loopback"))
            return "'" + host + "' is a loopback host name";
        var m = DOTTED_QUAD.matcher(host);
        if (m.matches()) {
            int[] b = new int[4];
            for (int i = 0; i < 4; i++) {
                b[i] = Integer.parseInt(m.group(i + 1));
                if (b[i] > 255 || (m.group(i + 1).length() > 1 && m.group(i + 1).startsWith("0")))
                    return "the numeric host '" + host + "' is not a plain dotted-decimal address";
            }
            String r = ipv4Reason(b);
            return r != null ? r : notListed(host);
        }
        if (NUMERIC_HOST.matcher(host).matches())
            return "the numeric host '" + host + "' is written in a non-standard form (it may stand for a loopback or private address)";
        if (host.endsWith(".local") || host.endsWith(".internal") || host.endsWith(".lan") || host.endsWith(".home.arpa") || !host.contains("."))
            return "'" + host + "' is a local network name, not a public endpoint";
        return notListed(host);
    }

    private static String notListed(String host) {
        return "'" + host + "' is not an endpoint on this server's allow-list";
    }

    private static String ipv4Reason(int[] b) {
        String a = b[0] + "." + b[1] + "." + b[2] + "." + b[3];
        if (b[0] == 127) return a + " is a loopback address (127.0.0.0/8)";
        if (b[0] == 10) return a + " is a private address (10.0.0.0/8)";
        if (b[0] == 172 && b[1] >= 16 && b[1] <= 31) return a + " is a private address (172.16.0.0/12)";
        if (b[0] == 192 && b[1] == 168) return a + " is a private address (192.168.0.0/16)";
        if (b[0] == 169 && b[1] == 254) return a + " is a link-local address (169.254.0.0/16)";
        if (b[0] == 0) return a + " is a 'this network' address (0.0.0.0/8)";
        if (b[0] == 100 && b[1] >= 64 && b[1] <= 127) return a + " is a shared (carrier-grade NAT) address (100.64.0.0/10)";
        if (b[0] >= 224) return a + " is a multicast or reserved address";
        return null;
    }

    private static String ipv6Reason(String literal) {
        String s = literal.toLowerCase(Locale.ROOT);
        if (!IPV6_LITERAL.matcher(s).matches() || !s.contains(":"))
            return "the host '[" + literal + "]' is not a valid IPv6 address";
        InetAddress addr;
        try {
            // A bracketed literal is parsed, never looked up.
            addr = InetAddress.getByName("[" + s + "]");
        } catch (UnknownHostException e) {
            return "the host '[" + literal + "]' is not a valid IPv6 address";
        }
        if (addr instanceof Inet4Address v4) {
            byte[] raw = v4.getAddress();
            String r = ipv4Reason(new int[] {raw[0] & 0xff, raw[1] & 0xff, raw[2] & 0xff, raw[3] & 0xff});
            return r != null ? "[" + literal + "] maps " + r : notListed("[" + literal + "]");
        }
        Inet6Address v6 = (Inet6Address) addr;
        byte[] raw = v6.getAddress();
        if (v6.isLoopbackAddress()) return "[" + literal + "] is the IPv6 loopback address (::1)";
        if (v6.isAnyLocalAddress()) return "[" + literal + "] is the unspecified IPv6 address (::)";
        if (v6.isLinkLocalAddress()) return "[" + literal + "] is a link-local address (fe80::/10)";
        if (v6.isSiteLocalAddress()) return "[" + literal + "] is a site-local address (fec0::/10)";
        if ((raw[0] & 0xfe) == 0xfc) return "[" + literal + "] is a unique local (private) address (fc00::/7)";
        if ((raw[0] & 0xff) == 0xff) return "[" + literal + "] is a multicast address (ff00::/8)";
        boolean v4compatible = true;
        for (int i = 0; i < 12; i++)
            if (raw[i] != 0) v4compatible = false;
        if (v4compatible) return "[" + literal + "] embeds an IPv4 address";
        return notListed("[" + literal + "]");
    }

    // ---------------------------------------------------------------- execution

    /**
     * Install the policy in a query context: SERVICE calls are checked, sent to their mapped URL,
     * and nothing else is called. Use on a dataset's context (the server does) or a QueryExec's.
     */
    public void install(Context context) {
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        registry.add(transport);                 // the end of the chain: HTTP (or a test's recorder)
        registry.addSingleLink(new Guard());    // first in the chain
        ServiceExecutorRegistry.set(context, registry);
        context.set(ARQ.httpServiceAllowed, true);
        context.set(Service.httpQueryClient, NO_REDIRECTS);
    }

    /** Checks the IRI of each SERVICE call and rewrites it to its mapped URL before passing it on. */
    private final class Guard implements ChainingServiceExecutor {
        @Override
        public QueryIterator createExecution(OpService opExecute, OpService original, Binding binding,
                                             ExecutionContext execCxt, ServiceExecutor chain) {
            Node service = opExecute.getService();
            if (!service.isURI())
                throw new ServiceRefusedException(String.valueOf(service),
                        "the endpoint of a SERVICE must be a constant IRI", allowed());
            String target = resolve(service.getURI());
            OpService rewritten = target.equals(service.getURI()) ? opExecute
                    : new OpService(NodeFactory.createURI(target), opExecute.getSubOp(), opExecute.getServiceElement(), opExecute.getSilent());
            try {
                return chain.createExecution(rewritten, original, binding, execCxt);
            } catch (QueryExceptionHTTP e) {
                if (e.getStatusCode() >= 300 && e.getStatusCode() < 400)
                    throw new ServiceRefusedException(service.getURI(), "the endpoint answered with a redirect (HTTP "
                            + e.getStatusCode() + "), and redirects are not followed", allowed());
                throw e;
            }
        }
    }
}
