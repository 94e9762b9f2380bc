package io.github.wechatpaycomplaint.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.crypto.internal.RsaVerifier;
import io.github.wechatpaycomplaint.crypto.internal.SignatureMessages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks, the way WeChat Pay does, that a request WireMock received carries a valid
 * merchant signature: parses the {@code Authorization} header, rebuilds the five-line
 * message from what was received and verifies it with the merchant PUBLIC key of the
 * vectors.
 */
public final class SignedRequests {

	private static final Pattern PAIR = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	private static final PublicKey MERCHANT_PUBLIC_KEY = PemKeys.publicKey(Vectors.key("merchant_public_key_pem"));

	private SignedRequests() {
	}

	/**
	 * Asserts the signature over the received body.
	 * @param request the received request
	 * @return the parsed Authorization parameters
	 */
	public static Map<String, String> assertSignedByMerchant(LoggedRequest request) {
		return assertSignedByMerchant(request, request.getBody());
	}

	/**
	 * Asserts the signature over the given signed body (the meta JSON of an upload).
	 * @param request the received request
	 * @param signedBody the bytes the signature must cover
	 * @return the parsed Authorization parameters
	 */
	public static Map<String, String> assertSignedByMerchant(LoggedRequest request, byte[] signedBody) {
		String authorization = request.getHeader("Authorization");
		assertThat(authorization).startsWith("WECHATPAY2-SHA256-RSA2048 ");
		Map<String, String> parameters = new LinkedHashMap<>();
		Matcher matcher = PAIR.matcher(authorization.substring("WECHATPAY2-SHA256-RSA2048 ".length()));
		while (matcher.find()) {
			parameters.put(matcher.group(1), matcher.group(2));
		}
		assertThat(parameters).containsOnlyKeys("mchid", "nonce_str", "timestamp", "serial_no", "signature");
		assertThat(parameters).containsEntry("mchid", Vectors.key("mchid"))
			.containsEntry("serial_no", Vectors.key("merchant_certificate_serial_number"));
		byte[] message = SignatureMessages.request(request.getMethod().getName(), request.getUrl(),
				Long.parseLong(parameters.get("timestamp")), parameters.get("nonce_str"), signedBody);
		assertThat(RsaVerifier.verify(MERCHANT_PUBLIC_KEY, message, parameters.get("signature")))
			.as("signature over%n%s", new String(message, StandardCharsets.UTF_8))
			.isTrue();
		return parameters;
	}

}
