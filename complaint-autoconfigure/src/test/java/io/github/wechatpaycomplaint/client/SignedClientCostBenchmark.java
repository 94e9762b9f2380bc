package io.github.wechatpaycomplaint.client;

import java.util.Arrays;
import java.util.Locale;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.crypto.internal.RsaSigner;
import io.github.wechatpaycomplaint.crypto.internal.SignatureMessages;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

/**
 * The signed client's cost per call: the starter's signing and verifying
 * {@link RestClient} against a plain {@link RestClient} (JDK HttpClient, HTTP/1.1)
 * calling the same local stub on 127.0.0.1, in the same run, beside the raw RSA-2048
 * signing time. The stub (WireMock) serves one pre-signed answer (re-signed every 30 s)
 * so that both clients pay the same server cost. Single thread; rounds alternate plain
 * and signed. Run it with:
 *
 * <pre>
 * ./mvnw -B -q -Pbenchmark -pl complaint-autoconfigure -am process-test-classes \
 *     -Dexec.mainClass=io.github.wechatpaycomplaint.client.SignedClientCostBenchmark
 * </pre>
 *
 * Optional arguments: calls per round (default 2000) and measured rounds (default 7).
 */
public final class SignedClientCostBenchmark {

	private static final String PATH = "/v3/merchant-service/complaints-v2/200201820200101080076610000";

	private static final String BODY = "{\"complaint_id\":\"200201820200101080076610000\",\"complaint_state\":"
			+ "\"PENDING\",\"payer_phone\":\"\",\"complaint_detail\":\"退款\",\"amount\":3}";

	private static final int WARM_UP_ROUNDS = 5;

	private SignedClientCostBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int calls = (args.length > 0) ? Integer.parseInt(args[0]) : 2000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		try (WechatPayStandIn keys = new WechatPayStandIn()) {
			keys.stub(
					com.github.tomakehurst.wiremock.client.WireMock.get(PATH).willReturn(keys.signedAnswer(200, BODY)));
			Thread resigner = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					try {
						Thread.sleep(30_000);
					}
					catch (InterruptedException ex) {
						return;
					}
					keys.stub(com.github.tomakehurst.wiremock.client.WireMock.get(PATH)
						.willReturn(keys.signedAnswer(200, BODY)));
				}
			});
			resigner.setDaemon(true);
			resigner.start();
			String base = keys.baseUri();
			try {
				new ApplicationContextRunner()
					.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
							HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
							RestClientAutoConfiguration.class, ComplaintClientAutoConfiguration.class))
					.withPropertyValues(keys.publicKeyModeProperties())
					.withPropertyValues("wechatpay.complaint.client.base-uri=" + base,
							"wechatpay.complaint.client.retry.max-attempts=1",
							"wechatpay.complaint.client.rate-limit.enabled=false",
							"wechatpay.complaint.client.failover.enabled=false")
					.run((context) -> {
						if (context.getStartupFailure() != null) {
							throw new IllegalStateException(context.getStartupFailure());
						}
						RestClient signed = context.getBean(WechatPayComplaintRestClient.BEAN_NAME, RestClient.class);
						RestClient plain = RestClient.builder()
							.baseUrl(base)
							.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
								.withHttpClientCustomizer(
										(http) -> http.version(java.net.http.HttpClient.Version.HTTP_1_1))
								.build())
							.build();
						measure(plain, signed, calls, rounds);
					});
			}
			finally {
				resigner.interrupt();
			}
		}
	}

	private static void measure(RestClient plain, RestClient signed, int calls, int rounds) {
		double[] plainMicros = new double[rounds];
		double[] signedMicros = new double[rounds];
		double[] signMicros = new double[rounds];
		RsaSigner signer = new RsaSigner(WechatPayStandIn.merchantKeys().getPrivate());
		for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
			double p = perCall(plain, calls);
			double s = perCall(signed, calls);
			double r = signing(signer, calls);
			if (round >= 0) {
				plainMicros[round] = p;
				signedMicros[round] = s;
				signMicros[round] = r;
			}
		}
		double p = median(plainMicros);
		double s = median(signedMicros);
		double r = median(signMicros);
		System.out.printf(Locale.ROOT, "plain RestClient GET            : %8.1f us/call (median of %d rounds of %d)%n",
				p, rounds, calls);
		System.out.printf(Locale.ROOT, "signed + verifying RestClient   : %8.1f us/call%n", s);
		System.out.printf(Locale.ROOT, "cost of the starter per call    : %8.1f us (%.2fx the plain call)%n", s - p,
				s / p);
		System.out.printf(Locale.ROOT, "raw RSA-2048 SHA256withRSA sign : %8.1f us%n", r);
	}

	private static double perCall(RestClient client, int calls) {
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			if (client.get().uri(PATH).retrieve().body(String.class) == null) {
				throw new IllegalStateException("No body");
			}
		}
		return (System.nanoTime() - start) / 1e3 / calls;
	}

	private static double signing(RsaSigner signer, int calls) {
		long start = System.nanoTime();
		for (int i = 0; i < calls; i++) {
			signer.sign(SignatureMessages.request("GET", PATH, 1_763_856_000L + i, "nonce" + i, new byte[0]));
		}
		return (System.nanoTime() - start) / 1e3 / calls;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
