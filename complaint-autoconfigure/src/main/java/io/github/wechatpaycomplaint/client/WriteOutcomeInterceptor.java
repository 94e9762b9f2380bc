package io.github.wechatpaycomplaint.client;

import java.io.IOException;

import io.github.wechatpaycomplaint.resilience.ConnectionFailures;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Turns the I/O failure of a write that may have reached WeChat Pay into a
 * {@link WechatPayWriteOutcomeUnknownException}, so that callers can tell "maybe applied"
 * from "surely not sent". Reads ({@link WechatPayOperation#isReadRequest}), and writes
 * that provably never left ({@link ConnectionFailures#neverReachedServer}), fail as
 * before.
 *
 * <p>
 * Sits outside the retry and failover interceptors: it sees a failure only once they have
 * given up.
 */
final class WriteOutcomeInterceptor implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		try {
			return execution.execute(request, body);
		}
		catch (IOException ex) {
			if (ConnectionFailures.changedNothing(WechatPayOperation.isReadRequest(request), ex)) {
				throw ex;
			}
			throw new WechatPayWriteOutcomeUnknownException(BoundedAnswers.operation(request), ex);
		}
	}

}
