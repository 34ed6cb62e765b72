package org.qtrust.core.transport;

/**
 * Outgoing port for plain HTTP exchanges (fetching lists, OCSP, CRLs, issuer metadata).
 * Implementations enforce timeouts, body-size limits, redirect rules and URL rewriting.
 */
public interface HttpTransport {

    /**
     * Sends the request and returns whatever status the server answered.
     *
     * @throws TransportException when no complete answer could be had (timeout, refused
     *         connection, body over the limit, refused redirect…)
     */
    HttpExchange.Response send(HttpExchange.Request request) throws TransportException;
}
