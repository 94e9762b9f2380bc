package io.github.wechatpaycomplaint.resilience;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a request once to the backup host ({@code api2.mch.weixin.qq.com}) when the main
 * host cannot be reached: a DNS failure, a refused connection or a connect timeout, as
 * WeChat Pay's own SDKs do. A read that timed out after sending may fail over too; a
 * write may not, since WeChat Pay may already have applied it.
 *
 * <p>
 * The signature does not cover the host, so the very same signed request goes to the
 * backup: this interceptor sits inside the signing one. Which calls only read is told by
 * the client, which knows WeChat Pay's operations.
 *
 * @since 0.1.0
 */
public final class FailoverInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(FailoverInterceptor.class);

	private final URI primary;

	private final URI backup;

	private final Predicate<HttpRequest> isRead;

	/**
	 * Creates the interceptor.
	 * @param primary the main host
	 * @param backup the host to try when the main one cannot be reached
	 * @param isRead whether a request only reads, so that it may fail over after it may
	 * have reached WeChat Pay
	 */
	public FailoverInterceptor(URI primary, URI backup, Predicate<HttpRequest> isRead) {
		this.primary = Objects.requireNonNull(primary, "primary");
		this.backup = Objects.requireNonNull(backup, "backup");
		this.isRead = Objects.requireNonNull(isRead, "isRead");
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		try {
			return execution.execute(request, body);
		}
		catch (IOException ex) {
			// A read may have reached WeChat Pay, but reading twice changes nothing.
			if (!onPrimary(request.getURI()) || !ConnectionFailures.changedNothing(this.isRead.test(request), ex)) {
				throw ex;
			}
			URI backupUri = onBackup(request.getURI());
			logger.warn("WeChat Pay host " + this.primary.getHost() + " unreachable (" + ex.getClass().getSimpleName()
					+ "); sending " + request.getMethod() + " " + request.getURI().getRawPath() + " to "
					+ this.backup.getHost());
			try {
				return execution.execute(new HttpRequestWrapper(request) {
					@Override
					public URI getURI() {
						return backupUri;
					}
				}, body);
			}
			catch (IOException backupFailure) {
				backupFailure.addSuppressed(ex);
				throw backupFailure;
			}
		}
	}

	private boolean onPrimary(URI uri) {
		return Objects.equals(uri.getHost(), this.primary.getHost()) && uri.getPort() == this.primary.getPort()
				&& Objects.equals(uri.getScheme(), this.primary.getScheme());
	}

	private URI onBackup(URI uri) {
		return UriComponentsBuilder.fromUri(uri)
			.scheme(this.backup.getScheme())
			.host(this.backup.getHost())
			.port(this.backup.getPort())
			.build(true)
			.toUri();
	}

}
