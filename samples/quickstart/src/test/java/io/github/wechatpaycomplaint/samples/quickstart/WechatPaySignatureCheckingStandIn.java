package io.github.wechatpaycomplaint.samples.quickstart;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock stand-in for WeChat Pay that behaves like it on signatures: it only answers
 * requests whose merchant signature is valid (else 401 SIGN_ERROR), and signs its answers
 * with its own key.
 */
final class WechatPaySignatureCheckingStandIn implements AutoCloseable {

	static final String MCHID = "1900000001";

	static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

	static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000000012025112300000000000001";

	private static final Pattern PAIR = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	final KeyPair merchantKeys = rsa();

	final KeyPair wechatpayKeys = rsa();

	final WireMockServer server = new WireMockServer(options().dynamicPort());

	WechatPaySignatureCheckingStandIn() {
		this.server.start();
		this.server.stubFor(
				any(anyUrl()).atPriority(10).willReturn(signed(401, "{\"code\":\"SIGN_ERROR\",\"message\":\"签名错误\"}")));
	}

	void answerComplaintList(String body) {
		this.server.stubFor(get(urlPathEqualTo("/v3/merchant-service/complaints-v2")).atPriority(1)
			.andMatching(this::validMerchantSignature)
			.willReturn(signed(200, body)));
	}

	String baseUri() {
		return "http://localhost:" + this.server.port();
	}

	String merchantPrivateKeyPem() {
		return pem("PRIVATE KEY", this.merchantKeys.getPrivate().getEncoded());
	}

	String wechatpayPublicKeyPem() {
		return pem("PUBLIC KEY", this.wechatpayKeys.getPublic().getEncoded());
	}

	private MatchResult validMerchantSignature(Request request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.startsWith("WECHATPAY2-SHA256-RSA2048 ")) {
			return MatchResult.noMatch();
		}
		java.util.Map<String, String> pairs = new java.util.HashMap<>();
		Matcher matcher = PAIR.matcher(authorization);
		while (matcher.find()) {
			pairs.put(matcher.group(1), matcher.group(2));
		}
		String message = request.getMethod().getName() + "\n" + request.getUrl() + "\n" + pairs.get("timestamp") + "\n"
				+ pairs.get("nonce_str") + "\n" + request.getBodyAsString() + "\n";
		boolean valid = MCHID.equals(pairs.get("mchid")) && MERCHANT_SERIAL.equals(pairs.get("serial_no"))
				&& verify(this.merchantKeys.getPublic(), message, pairs.get("signature"))
				&& Math.abs(Instant.now().getEpochSecond() - Long.parseLong(pairs.get("timestamp"))) < 300;
		return MatchResult.of(valid);
	}

	private ResponseDefinitionBuilder signed(int status, String body) {
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		String nonce = UUID.randomUUID().toString().replace("-", "");
		String signature = sign(this.wechatpayKeys.getPrivate(), timestamp + "\n" + nonce + "\n" + body + "\n");
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("Wechatpay-Timestamp", timestamp)
			.withHeader("Wechatpay-Nonce", nonce)
			.withHeader("Wechatpay-Signature", signature)
			.withHeader("Wechatpay-Serial", PUBLIC_KEY_ID)
			.withHeader("Request-ID", "REQ-" + nonce.substring(0, 8))
			.withBody(body);
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static String sign(PrivateKey key, String message) {
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(key);
			signature.update(message.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean verify(PublicKey key, String message, String base64Signature) {
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initVerify(key);
			signature.update(message.getBytes(StandardCharsets.UTF_8));
			return signature.verify(Base64.getDecoder().decode(base64Signature));
		}
		catch (GeneralSecurityException | IllegalArgumentException | NullPointerException ex) {
			return false;
		}
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + label + "-----\n";
	}

}
