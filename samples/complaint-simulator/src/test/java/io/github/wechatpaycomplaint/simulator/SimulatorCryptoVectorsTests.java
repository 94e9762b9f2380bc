package io.github.wechatpaycomplaint.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import io.github.wechatpaycomplaint.simulator.crypto.AesGcm;
import io.github.wechatpaycomplaint.simulator.crypto.MerchantAuthorization;
import io.github.wechatpaycomplaint.simulator.crypto.RsaOaep;
import io.github.wechatpaycomplaint.simulator.crypto.Sha256WithRsa;
import io.github.wechatpaycomplaint.simulator.crypto.SignatureMessage;
import io.github.wechatpaycomplaint.simulator.crypto.WechatPayHeaders;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The simulator's own crypto agrees byte for byte with the official WeChat Pay Java SDK
 * (wechatpay-java-core 0.2.17), whose results are recorded in
 * {@code wechatpay-vectors.json} (copied from shared/vectors).
 */
class SimulatorCryptoVectorsTests {

	private static final JsonNode VECTORS = load();

	private static final PrivateKey MERCHANT_KEY = privateKey(key("merchant_private_key_pkcs8_pem"));

	private static final PublicKey MERCHANT_PUBLIC_KEY = publicKey(key("merchant_public_key_pem"));

	private static final PrivateKey WECHATPAY_KEY = privateKey(
			key("wechatpay_private_key_pkcs8_pem_for_signing_test_answers"));

	private static final PublicKey WECHATPAY_PUBLIC_KEY = publicKey(key("wechatpay_public_key_pem"));

	@Test
	void buildsAndVerifiesTheMerchantRequestSignaturesOfTheOfficialSdk() {
		for (JsonNode vector : VECTORS.get("request_signatures")) {
			MerchantAuthorization authorization = MerchantAuthorization.parse(vector.get("authorization").asString())
				.orElseThrow();
			assertThat(authorization.field("mchid")).isEqualTo(key("mchid"));
			assertThat(authorization.field("serial_no")).isEqualTo(key("merchant_certificate_serial_number"));
			assertThat(authorization.field("signature")).isEqualTo(vector.get("signature").asString());
			byte[] message = SignatureMessage.request(vector.get("method").asString(),
					vector.get("canonical_url").asString(), authorization.field("timestamp"),
					authorization.field("nonce_str"), vector.get("body").asString().getBytes(StandardCharsets.UTF_8));
			assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(vector.get("message").asString());
			assertThat(Sha256WithRsa.verify(MERCHANT_PUBLIC_KEY, message, authorization.field("signature"))).isTrue();
			assertThat(Sha256WithRsa.sign(MERCHANT_KEY, message)).isEqualTo(vector.get("signature").asString());
		}
	}

	@Test
	void verifiesTheImageUploadSignatureOverTheMeta() {
		JsonNode upload = VECTORS.get("image_upload");
		byte[] message = SignatureMessage.request("POST", "/v3/merchant-service/images/upload", "1763856000",
				"593BEC0C930BF1AFEB40B4A08C8FB242", upload.get("meta").asString().getBytes(StandardCharsets.UTF_8));
		assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(upload.get("message").asString());
		assertThat(Sha256WithRsa.verify(MERCHANT_PUBLIC_KEY, message, upload.get("signature").asString())).isTrue();
	}

	@Test
	void givesTheOfficialSdksVerdictOnEveryAnswerAndSignsValidOnesIdentically() {
		for (JsonNode answer : VECTORS.get("answer_signatures")) {
			String timestamp = answer.get(WechatPayHeaders.TIMESTAMP).asString();
			String nonce = answer.get(WechatPayHeaders.NONCE).asString();
			byte[] body = answer.get("body").asString().getBytes(StandardCharsets.UTF_8);
			byte[] message = SignatureMessage.answer(timestamp, nonce, body);
			String signature = answer.get(WechatPayHeaders.SIGNATURE).asString();
			assertThat(Sha256WithRsa.verify(WECHATPAY_PUBLIC_KEY, message, signature)).as(answer.get("case").asString())
				.isEqualTo(answer.get("valid").asBoolean());
			if (answer.get("valid").asBoolean()) {
				assertThat(new WechatPaySigningKey(answer.get(WechatPayHeaders.SERIAL).asString(), WECHATPAY_KEY)
					.sign(body, Long.parseLong(timestamp), nonce)).containsEntry(WechatPayHeaders.SIGNATURE, signature)
					.containsEntry(WechatPayHeaders.SERIAL, key("wechatpay_public_key_id"));
			}
		}
	}

	@Test
	void signsTheNotificationAsTheOfficialSdkVerifiedIt() {
		JsonNode notification = VECTORS.get("notification");
		JsonNode headers = notification.get("headers");
		byte[] body = notification.get("body").asString().getBytes(StandardCharsets.UTF_8);
		assertThat(new WechatPaySigningKey(key("wechatpay_public_key_id"), WECHATPAY_KEY).sign(body,
				Long.parseLong(headers.get(WechatPayHeaders.TIMESTAMP).asString()),
				headers.get(WechatPayHeaders.NONCE).asString()))
			.containsEntry(WechatPayHeaders.SIGNATURE, headers.get(WechatPayHeaders.SIGNATURE).asString());
		assertThat(headers.get(WechatPayHeaders.SIGNATURE_TYPE).asString())
			.isEqualTo(WechatPaySigningKey.SIGNATURE_TYPE);
	}

	@Test
	void encryptsAndDecryptsTheResourceAsTheOfficialSdk() {
		JsonNode aead = VECTORS.get("aead_aes_256_gcm");
		AesGcm cipher = new AesGcm(aead.get("key").asString());
		String associatedData = aead.get("associated_data").asString();
		String nonce = aead.get("nonce").asString();
		assertThat(aead.get("algorithm").asString()).isEqualTo(AesGcm.ALGORITHM);
		byte[] plaintext = aead.get("plaintext").asString().getBytes(StandardCharsets.UTF_8);
		assertThat(cipher.encrypt(associatedData, nonce, plaintext)).isEqualTo(aead.get("ciphertext").asString());
		assertThat(new String(cipher.decrypt(associatedData, nonce, aead.get("ciphertext").asString()),
				StandardCharsets.UTF_8))
			.isEqualTo(aead.get("plaintext").asString());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> cipher.decrypt("certificate", nonce, aead.get("ciphertext").asString()));
	}

	@Test
	void decryptsThePayerPhoneTheOfficialSdkEncryptedAndEncryptsWhatTheMerchantKeyOpens() {
		JsonNode phone = VECTORS.get("payer_phone");
		assertThat(phone.get("transformation").asString()).isEqualTo(RsaOaep.TRANSFORMATION);
		assertThat(RsaOaep.decrypt(MERCHANT_KEY, phone.get("ciphertext").asString()))
			.isEqualTo(phone.get("plaintext").asString());
		assertThat(RsaOaep.decrypt(MERCHANT_KEY, RsaOaep.encrypt(MERCHANT_PUBLIC_KEY, "13900139000")))
			.isEqualTo("13900139000");
	}

	private static String key(String name) {
		return VECTORS.get("keys").get(name).asString();
	}

	private static PrivateKey privateKey(String pem) {
		try {
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static PublicKey publicKey(String pem) {
		try {
			return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] der(String pem) {
		return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
	}

	private static JsonNode load() {
		try (InputStream in = SimulatorCryptoVectorsTests.class.getResourceAsStream("/wechatpay-vectors.json")) {
			return new JsonMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
