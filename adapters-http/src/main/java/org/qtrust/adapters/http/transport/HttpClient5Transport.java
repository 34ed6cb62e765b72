package org.qtrust.adapters.http.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContextBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.qtrust.core.transport.UrlRedaction;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;
import org.qtrust.core.transport.TransportException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link HttpTransport} on Apache HttpClient 5 (classic API): one pooled, thread-safe client.
 * <ul>
 *   <li>Connect, read (silence) and whole-call timeouts.</li>
 *   <li>The body is streamed and reading stops at the size limit: a declared Content-Length
 *       over the limit is refused before reading, and the connection is dropped, not drained.</li>
 *   <li>Redirects are followed here, not by the library: at most {@code maxRedirects} (≤ 3), only to
 *       http(s), never from https to http (a downgrade would let anyone on the path answer).</li>
 *   <li>The {@link EgressRule} checks every URL (the first and each redirect target) before it is
 *       requested, and every address at connect time through the pool's {@link DnsResolver}, so
 *       DNS rebinding cannot lead a fetch to an internal address. Refusals are
 *       {@link Reason#EGRESS_REFUSED}, raised before anything is sent.</li>
 *   <li>Messages name the URL and a reason class, never a resolved address or a socket error
 *       (details go to the debug log): traces handed to clients are no port-scanning oracle.</li>
 *   <li>URL rewrite rules apply to the request URL and to each redirect target.</li>
 *   <li>No automatic retries (callers know what is safe to repeat), no cookies.</li>
 * </ul>
 */
public final class HttpClient5Transport implements HttpTransport, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpClient5Transport.class);
    private static final int BUFFER = 64 * 1024;

    private final TransportConfig config;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final EgressRule egress;
    /** Aborts exchanges that reach their deadline. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qtrust-transport-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    private final DnsResolver resolver;
    /** Host names of the operator's proxies: resolving them is not a fetch the rule governs. */
    private final Set<String> proxyHosts;

    /**
     * Resolves names as the system does, then applies the egress rule to every address: one
     * address that is not allowed refuses the name. This runs when the pool opens a connection,
     * so the address checked is the address connected to.
     */
    private final class EgressCheckingResolver implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = resolver.resolve(host);
            if (proxyHosts.contains(host.toLowerCase(Locale.ROOT))) {
                return addresses;
            }
            for (InetAddress address : addresses) {
                Optional<String> refusal = egress.refusesAddress(host, address);
                if (refusal.isPresent()) {
                    throw new EgressRefused(refusal.get());
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return resolver.resolveCanonicalHostname(host);
        }
    }

    /** A refusal by the egress rule at connect time (an {@link UnknownHostException} so the client passes it on). */
    static final class EgressRefused extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        EgressRefused(String message) {
            super(message);
        }
    }

    public HttpClient5Transport(TransportConfig config) {
        this(config, SystemDefaultDnsResolver.INSTANCE);
    }

    /**
     * A transport that resolves names with {@code resolver} (tests map names to addresses with it);
     * the egress rule applies to whatever it answers.
     */
    public HttpClient5Transport(TransportConfig config, DnsResolver resolver) {
        this.config = config;
        this.resolver = java.util.Objects.requireNonNull(resolver);
        this.egress = config.egress();
        this.proxyHosts = proxyHosts(config.proxy());
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(config.connectTimeout()))
                .setSocketTimeout(Timeout.of(config.readTimeout()))
                .setTimeToLive(TimeValue.ofMinutes(5))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build();
        PoolingHttpClientConnectionManagerBuilder poolBuilder = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connections)
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(config.readTimeout())).build())
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnectionsPerRoute())
                .setDnsResolver(new EgressCheckingResolver());
        config.trustStore().ifPresent(store -> poolBuilder.setTlsSocketStrategy(
                new DefaultClientTlsStrategy(sslContext(store))));
        this.pool = poolBuilder.build();
        RequestConfig requests = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(config.connectTimeout()))
                .setResponseTimeout(Timeout.of(config.readTimeout()))
                .setRedirectsEnabled(false)
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(requests)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(config.userAgent());
        configureProxy(builder, config.proxy());
        this.client = builder.build();
    }

    private static Set<String> proxyHosts(ProxySetting proxy) {
        Set<String> hosts = new HashSet<>();
        if (proxy instanceof ProxySetting.Explicit explicit) {
            hosts.add(explicit.uri().getHost().toLowerCase(Locale.ROOT));
        } else if (proxy instanceof ProxySetting.System) {
            for (String property : List.of("http.proxyHost", "https.proxyHost")) {
                String host = System.getProperty(property);
                if (host != null && !host.isBlank()) {
                    hosts.add(host.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(hosts);
    }

    private static SSLContext sslContext(TransportConfig.TrustStore store) {
        try {
            return SSLContextBuilder.create()
                    .loadTrustMaterial(store.file().toFile(), store.password().toCharArray())
                    .build();
        } catch (IOException | GeneralSecurityException e) {
            // Library messages may be empty or name their classes: say what the operator can act on.
            throw new IllegalArgumentException("cannot read the trust store " + store.file()
                    + ": not a PKCS#12 or JKS keystore, or the wrong password", e);
        }
    }

    private static void configureProxy(HttpClientBuilder builder, ProxySetting proxy) {
        if (proxy instanceof ProxySetting.Explicit explicit) {
            URI uri = explicit.uri();
            HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
            builder.setProxy(host);
            String userInfo = uri.getUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                int colon = userInfo.indexOf(':');
                String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
                String password = colon < 0 ? "" : userInfo.substring(colon + 1);
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(user, password.toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        } else if (proxy instanceof ProxySetting.System) {
            ProxySelector selector = ProxySelector.getDefault();
            if (selector != null) {
                builder.setRoutePlanner(new SystemDefaultRoutePlanner(selector));
            }
        }
    }

    public TransportConfig config() {
        return config;
    }

    @Override
    public HttpExchange.Response send(HttpExchange.Request request) throws TransportException {
        long limit = Math.min(request.maxBodyBytes(), config.maxBodyBytes());
        long deadline = System.nanoTime() + config.callTimeout().toNanos();
        String method = request.method().toUpperCase(Locale.ROOT);
        Optional<byte[]> body = request.body();
        URI url = checkedUri(config.rewrites().apply(request.url()));
        checkEgress(url, request.purpose());
        for (int redirects = 0; ; redirects++) {
            HttpUriRequestBase exchange = new HttpUriRequestBase(method, url);
            request.headers().forEach(exchange::setHeader);
            body.ifPresent(bytes -> exchange.setEntity(new ByteArrayEntity(bytes, contentType(request))));
            // The deadline covers the whole exchange — connect, headers, every body read, redirects — with a
            // timer that aborts it, so a responder trickling one byte at a time cannot stretch it (issue 15).
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TransportException(Reason.TIMEOUT, url + " did not finish within the call timeout");
            }
            ScheduledFuture<?> timer = deadlines.schedule(exchange::cancel, remaining, TimeUnit.NANOSECONDS);
            ClassicHttpResponse response;
            try {
                response = execute(exchange, url, deadline);
            } catch (TransportException e) {
                timer.cancel(false);
                throw e;
            }
            try {
                int status = response.getCode();
                Optional<String> location = header(response, "Location");
                if (isRedirect(status) && location.isPresent() && followable(method, status)) {
                    exchange.cancel(); // the body of a redirect is not wanted: drop, never drain
                    if (redirects >= config.maxRedirects()) {
                        throw new TransportException(Reason.TOO_MANY_REDIRECTS,
                                "more than " + config.maxRedirects() + " redirects from " + request.url());
                    }
                    URI target = redirectTarget(url, location.get());
                    LOG.debug("{} {} redirected ({}) to {}", method, UrlRedaction.redact(String.valueOf(url)), status, UrlRedaction.redact(String.valueOf(target)));
                    url = checkedUri(config.rewrites().apply(target.toString()));
                    checkEgress(url, request.purpose());
                    if (status == 303) {
                        method = "GET";
                        body = Optional.empty();
                    }
                    continue;
                }
                byte[] content = readBody(response, exchange, limit, deadline, url);
                return new HttpExchange.Response(status, headers(response), content, url.toString());
            } finally {
                timer.cancel(false);
                closeQuietly(response);
            }
        }
    }

    /**
     * The egress rule on a URL about to be requested. Through a proxy the proxy connects, so the
     * name is resolved here and its addresses checked too (the proxy should apply its own rule:
     * it resolves again).
     */
    private void checkEgress(URI url, HttpExchange.Purpose purpose) throws TransportException {
        Optional<String> refusal = egress.refusesUrl(url, purpose);
        if (refusal.isEmpty() && !proxyHosts.isEmpty()) {
            String host = EgressRule.hostOf(url);
            try {
                for (InetAddress address : resolver.resolve(host)) {
                    refusal = egress.refusesAddress(host, address);
                    if (refusal.isPresent()) {
                        break;
                    }
                }
            } catch (UnknownHostException e) {
                // the proxy may know names this machine does not
            }
        }
        if (refusal.isPresent()) {
            LOG.debug("egress refused for {}: {}", url, refusal.get());
            throw new TransportException(Reason.EGRESS_REFUSED, url + ": not fetched: " + refusal.get());
        }
    }

    private ClassicHttpResponse execute(HttpUriRequestBase exchange, URI url, long deadline) throws TransportException {
        try {
            return client.executeOpen(null, exchange, HttpClientContext.create());
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0) {
                throw new TransportException(Reason.TIMEOUT, url + " did not finish within the call timeout", e);
            }
            throw translate(e, url);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TransportException(Reason.BAD_URL, "cannot request " + url + ": " + e.getMessage(), e);
        }
    }

    private static ContentType contentType(HttpExchange.Request request) {
        String declared = request.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse("application/octet-stream");
        return ContentType.parse(declared);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** GET and HEAD follow every redirect; other methods only 303 (as GET) and 307/308 (unchanged). */
    private static boolean followable(String method, int status) {
        return method.equals("GET") || method.equals("HEAD") || status == 303 || status == 307 || status == 308;
    }

    /**
     * Where a redirect leads: resolved against the current URL, http(s) only, and never from
     * https to http.
     */
    static URI redirectTarget(URI current, String location) throws TransportException {
        URI target;
        try {
            target = current.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new TransportException(Reason.REDIRECT_REFUSED, "redirect from " + current + " to an invalid URL: "
                    + location, e);
        }
        String from = current.getScheme().toLowerCase(Locale.ROOT);
        String to = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!(to.equals("http") || to.equals("https"))) {
            throw new TransportException(Reason.REDIRECT_REFUSED, "redirect from " + current + " to a non-HTTP URL: "
                    + target);
        }
        if (from.equals("https") && to.equals("http")) {
            throw new TransportException(Reason.REDIRECT_REFUSED, "redirect from https to http refused: " + current
                    + " -> " + target);
        }
        return target;
    }

    static URI checkedUri(String url) throws TransportException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new TransportException(Reason.BAD_URL, "not an absolute http(s) URL: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new TransportException(Reason.BAD_URL, "not a valid URL: " + url, e);
        }
    }

    private static byte[] readBody(ClassicHttpResponse response, HttpUriRequestBase exchange, long limit, long deadline,
                                   URI url) throws TransportException {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > limit) {
            exchange.cancel();
            throw new TransportException(Reason.BODY_TOO_LARGE, url + " announces " + declared
                    + " bytes, more than the limit of " + limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(declared > 0 ? declared : BUFFER, limit));
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = entity.getContent()) {
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (total > limit) {
                    exchange.cancel();
                    throw new TransportException(Reason.BODY_TOO_LARGE, url + " sent more than the limit of " + limit
                            + " bytes; the rest was not read");
                }
                if (System.nanoTime() - deadline > 0) {
                    exchange.cancel();
                    throw new TransportException(Reason.TIMEOUT, url + " did not finish within the call timeout");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            exchange.cancel();
            if (System.nanoTime() - deadline >= 0) {
                throw new TransportException(Reason.TIMEOUT, url + " did not finish within the call timeout", e);
            }
            throw translate(e, url);
        }
        return out.toByteArray();
    }

    private static Map<String, List<String>> headers(ClassicHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        return headers;
    }

    private static Optional<String> header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? Optional.empty() : Optional.ofNullable(header.getValue());
    }

    static TransportException translate(IOException e, URI url) {
        if (e instanceof ConnectTimeoutException) {
            return new TransportException(Reason.TIMEOUT, "connect timeout to " + host(url), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new TransportException(Reason.TIMEOUT, "no data from " + host(url) + " within the read timeout", e);
        }
        if (e instanceof InterruptedIOException) {
            if (Thread.currentThread().isInterrupted()) {
                return new TransportException(Reason.INTERRUPTED, "interrupted while talking to " + host(url), e);
            }
            return new TransportException(Reason.TIMEOUT, "timed out talking to " + host(url), e);
        }
        LOG.debug("fetching {} failed", url, e);
        if (e instanceof EgressRefused) {
            return new TransportException(Reason.EGRESS_REFUSED, url + ": not fetched: " + e.getMessage(), e);
        }
        if (e instanceof UnknownHostException) {
            return new TransportException(Reason.CONNECTION_FAILED, "unknown host " + host(url), e);
        }
        if (e instanceof SSLException) {
            return new TransportException(Reason.CONNECTION_FAILED, "TLS failure with " + host(url), e);
        }
        return new TransportException(Reason.CONNECTION_FAILED, "connection to " + host(url) + " failed", e);
    }

    private static String host(URI url) {
        return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            LOG.trace("closing a dropped response", e);
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        deadlines.shutdownNow();
    }
}
