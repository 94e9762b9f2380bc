package io.github.wechatpaycomplaint.resilience;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells, from an I/O failure, whether a request provably never reached WeChat Pay (DNS
 * failure, connection refused, connect timeout: nothing was sent, so even a write may be
 * sent again) or may have been sent (a read timeout, a connection reset while waiting for
 * the answer).
 *
 * <p>
 * Works across the HTTP libraries Spring Boot supports (JDK HttpClient, Apache HttpClient
 * 5, Jetty, Reactor Netty, {@code HttpURLConnection}) by looking at the exception types
 * in the cause chain.
 *
 * @since 0.1.0
 */
public final class ConnectionFailures {

	// Failures that happen before a single byte of the request is written.
	private static final Set<String> NEVER_SENT = Set.of("java.net.ConnectException", "java.net.UnknownHostException",
			"java.net.NoRouteToHostException", "java.net.PortUnreachableException",
			"java.net.http.HttpConnectTimeoutException", "java.nio.channels.UnresolvedAddressException",
			"org.apache.hc.client5.http.ConnectTimeoutException", "org.apache.hc.client5.http.HttpHostConnectException",
			"io.netty.channel.ConnectTimeoutException", "io.netty.channel.AbstractChannel$AnnotatedConnectException");

	private ConnectionFailures() {
	}

	/**
	 * Whether a failed request cannot have changed anything at WeChat Pay: it only reads,
	 * or it never reached the server. Only then may it be sent again (retry, failover)
	 * and does its failure leave no doubt about a write.
	 * @param read whether the request only reads
	 * @param failure the failure
	 * @return {@code true} if the request cannot have been applied
	 */
	public static boolean changedNothing(boolean read, IOException failure) {
		return read || neverReachedServer(failure);
	}

	/**
	 * Whether the request was never sent.
	 * @param failure the failure
	 * @return {@code true} if no byte of the request can have reached the server
	 */
	public static boolean neverReachedServer(IOException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (NEVER_SENT.contains(cause.getClass().getName()) || isConnectTimeout(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static boolean isConnectTimeout(Throwable cause) {
		// HttpURLConnection reports a connect timeout as a SocketTimeoutException with
		// this message.
		return cause instanceof SocketTimeoutException && cause.getMessage() != null
				&& cause.getMessage().toLowerCase(Locale.ROOT).contains("connect timed out");
	}

}
