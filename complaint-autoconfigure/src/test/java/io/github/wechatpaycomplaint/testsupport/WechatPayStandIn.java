package io.github.wechatpaycomplaint.testsupport;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock stand-in for WeChat Pay with keys made in the test: a merchant key pair (the
 * application's), a WeChat Pay key pair (public-key mode) and answers signed with the
 * simulator's {@link WechatPaySigningKey}. It stays next to the simulator because tests
 * script here what the simulator never does on its own: any answer body, status or
 * header, delays, redirects, broken or forged signatures, and exact request matching.
 */
public final class WechatPayStandIn implements AutoCloseable {

	public static final String MCHID = "1900000001";

	public static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

	public static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000000012025112300000000000001";

	public static final String API_V3_KEY = "8e1d6b2c4a9f3e7d0b5c1a2f6e9d3c7b";

	private static final KeyPair MERCHANT_KEYS = RsaKeyPairs.generate();

	private static final KeyPair WECHATPAY_KEYS = RsaKeyPairs.generate();

	private final WireMockServer server;

	private final WechatPaySigningKey signer = new WechatPaySigningKey(PUBLIC_KEY_ID, WECHATPAY_KEYS.getPrivate());

	public WechatPayStandIn() {
		this.server = new WireMockServer(options().dynamicPort());
		this.server.start();
	}

	public WireMockServer server() {
		return this.server;
	}

	public String baseUri() {
		return "http://localhost:" + this.server.port();
	}

	public static KeyPair merchantKeys() {
		return MERCHANT_KEYS;
	}

	/**
	 * The merchant of the stand-in's keys, as the starter builds it from
	 * {@link #merchantProperties()}.
	 * @return the merchant
	 */
	public static WechatPayMerchant merchant() {
		return new WechatPayMerchant(MCHID, MERCHANT_SERIAL, MERCHANT_KEYS.getPrivate(), API_V3_KEY);
	}

	public static KeyPair wechatpayKeys() {
		return WECHATPAY_KEYS;
	}

	public WechatPaySigningKey signer() {
		return this.signer;
	}

	/**
	 * Properties of a public-key-mode application pointed at this stand-in (plain http,
	 * allowed explicitly).
	 */
	public String[] publicKeyModeProperties() {
		List<String> properties = new ArrayList<>(List.of(merchantProperties()));
		properties.add("wechatpay.complaint.wechatpay-public-key.id=" + PUBLIC_KEY_ID);
		properties.add("wechatpay.complaint.wechatpay-public-key.key=" + PemText.write(WECHATPAY_KEYS.getPublic()));
		return properties.toArray(String[]::new);
	}

	/**
	 * An application with the client auto-configuration (and the Jackson, HTTP client and
	 * RestClient ones it builds on) in public-key mode against this stand-in; a test adds
	 * what else it needs.
	 * @return the context runner
	 */
	public ApplicationContextRunner clientContextRunner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, ComplaintClientAutoConfiguration.class))
			.withPropertyValues(publicKeyModeProperties());
	}

	public String[] merchantProperties() {
		return new String[] { "wechatpay.complaint.merchant.id=" + MCHID,
				"wechatpay.complaint.merchant.certificate-serial-number=" + MERCHANT_SERIAL,
				"wechatpay.complaint.merchant.private-key=" + PemText.privateKey(MERCHANT_KEYS.getPrivate()),
				"wechatpay.complaint.merchant.api-v3-key=" + API_V3_KEY,
				"wechatpay.complaint.client.base-uri=" + baseUri(),
				"wechatpay.complaint.client.allow-insecure-http=true" };
	}

	/** An answer signed now by the WeChat Pay key. */
	public ResponseDefinitionBuilder signedAnswer(int status, String body) {
		return answer(status, body, this.signer.answerHeaders(body, Instant.now().getEpochSecond()));
	}

	public static ResponseDefinitionBuilder answer(int status, String body, Map<String, String> headers) {
		ResponseDefinitionBuilder answer = aResponse().withStatus(status);
		if (!body.isEmpty()) {
			answer.withHeader("Content-Type", "application/json").withBody(body);
		}
		headers.forEach(answer::withHeader);
		return answer;
	}

	public void stub(MappingBuilder mapping) {
		this.server.stubFor(mapping);
	}

	public List<LoggedRequest> requests() {
		return this.server.findAll(com.github.tomakehurst.wiremock.client.WireMock
			.anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
	}

	public LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = requests();
		if (requests.size() != 1) {
			throw new AssertionError("Expected one request but WireMock received " + requests.size());
		}
		return requests.get(0);
	}

	public void assertSignedByMerchant(LoggedRequest request) {
		MerchantSignatureAssertions.assertSignedByMerchant(request, MERCHANT_KEYS.getPublic(), MCHID, MERCHANT_SERIAL);
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
