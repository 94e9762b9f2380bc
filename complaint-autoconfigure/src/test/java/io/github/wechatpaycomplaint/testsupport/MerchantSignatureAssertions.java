package io.github.wechatpaycomplaint.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks, independently of the code under test, that a request WireMock received carries
 * a valid merchant signature: the Authorization header is parsed, the five-line message
 * rebuilt from what arrived on the wire, and the signature checked with the merchant
 * PUBLIC key through the JDK.
 */
public final class MerchantSignatureAssertions {

	private static final Pattern PAIR = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	private MerchantSignatureAssertions() {
	}

	public static Map<String, String> assertSignedByMerchant(LoggedRequest request, PublicKey merchantPublicKey,
			String mchid, String serial) {
		return assertSignedByMerchant(request, merchantPublicKey, mchid, serial, request.getBody());
	}

	public static Map<String, String> assertSignedByMerchant(LoggedRequest request, PublicKey merchantPublicKey,
			String mchid, String serial, byte[] signedBody) {
		String authorization = request.getHeader("Authorization");
		assertThat(authorization).as("Authorization header").startsWith("WECHATPAY2-SHA256-RSA2048 ");
		Map<String, String> pairs = new LinkedHashMap<>();
		Matcher matcher = PAIR.matcher(authorization.substring("WECHATPAY2-SHA256-RSA2048 ".length()));
		while (matcher.find()) {
			pairs.put(matcher.group(1), matcher.group(2));
		}
		assertThat(pairs).containsOnlyKeys("mchid", "nonce_str", "timestamp", "serial_no", "signature");
		assertThat(pairs.get("mchid")).isEqualTo(mchid);
		assertThat(pairs.get("serial_no")).isEqualTo(serial);
		assertThat(pairs.get("nonce_str")).matches("[0-9A-F]{32}");
		String message = request.getMethod().getName() + "\n" + request.getUrl() + "\n" + pairs.get("timestamp") + "\n"
				+ pairs.get("nonce_str") + "\n" + new String(signedBody, StandardCharsets.UTF_8) + "\n";
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initVerify(merchantPublicKey);
			signature.update(message.getBytes(StandardCharsets.UTF_8));
			assertThat(signature.verify(Base64.getDecoder().decode(pairs.get("signature"))))
				.as("merchant signature over %s", message)
				.isTrue();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new AssertionError(ex);
		}
		return pairs;
	}

}
