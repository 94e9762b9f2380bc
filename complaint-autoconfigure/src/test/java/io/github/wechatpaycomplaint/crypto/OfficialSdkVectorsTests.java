package io.github.wechatpaycomplaint.crypto;

import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.crypto.internal.RsaSigner;
import io.github.wechatpaycomplaint.crypto.internal.SignatureMessages;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Our crypto must agree byte for byte with the official WeChat Pay Java SDK
 * (shared/vectors).
 */
class OfficialSdkVectorsTests {

	private static final String SERIAL = Vectors.key("merchant_certificate_serial_number");

	@ParameterizedTest
	@ValueSource(strings = { "merchant_private_key_pkcs8_pem", "merchant_private_key_pkcs1_pem" })
	void signsRequestsLikeTheOfficialSdkFromBothPemForms(String pemName) {
		WechatPayMerchant merchant = merchant(pemName);
		for (JsonNode vector : Vectors.root().get("request_signatures")) {
			byte[] body = vector.get("body").asString().getBytes(StandardCharsets.UTF_8);
			long timestamp = Long.parseLong(vector.get("timestamp").asString());
			String nonce = vector.get("nonce_str").asString();
			byte[] message = SignatureMessages.request(vector.get("method").asString(),
					vector.get("canonical_url").asString(), timestamp, nonce, body);
			assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(vector.get("message").asString());
			AuthorizationHeader header = merchant.authorize(vector.get("method").asString(),
					vector.get("canonical_url").asString(), timestamp, nonce, body);
			assertThat(header.signature()).isEqualTo(vector.get("signature").asString());
			assertThat(header.toHeaderValue()).isEqualTo(vector.get("authorization").asString());
		}
	}

	@Test
	void bothPemFormsHoldTheSameKey() {
		PrivateKey pkcs8 = PemKeys.privateKey(Vectors.key("merchant_private_key_pkcs8_pem"));
		PrivateKey pkcs1 = PemKeys.privateKey(Vectors.key("merchant_private_key_pkcs1_pem"));
		assertThat(pkcs1.getEncoded()).isEqualTo(pkcs8.getEncoded());
	}

	@Test
	void signsTheImageUploadMetaLikeTheOfficialSdk() throws Exception {
		JsonNode upload = Vectors.root().get("image_upload");
		byte[] file = Base64.getDecoder().decode(upload.get("file_base64").asString());
		String sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
		assertThat(sha256).isEqualTo(upload.get("sha256").asString());
		byte[] message = SignatureMessages.request("POST", "/v3/merchant-service/images/upload", 1763856000L,
				"593BEC0C930BF1AFEB40B4A08C8FB242", upload.get("meta").asString().getBytes(StandardCharsets.UTF_8));
		assertThat(new String(message, StandardCharsets.UTF_8)).isEqualTo(upload.get("message").asString());
		assertThat(new RsaSigner(PemKeys.privateKey(Vectors.key("merchant_private_key_pkcs8_pem"))).sign(message))
			.isEqualTo(upload.get("signature").asString());
	}

	@Test
	void givesTheSameVerdictAsTheOfficialSdkOnEveryAnswer() {
		for (JsonNode answer : Vectors.root().get("answer_signatures")) {
			long timestamp = Long.parseLong(answer.get("Wechatpay-Timestamp").asString());
			WechatPaySignatureValidator validator = validatorAt(timestamp);
			SignedHeaders headers = new SignedHeaders(answer.get("Wechatpay-Timestamp").asString(),
					answer.get("Wechatpay-Nonce").asString(), answer.get("Wechatpay-Signature").asString(),
					answer.get("Wechatpay-Serial").asString());
			byte[] body = answer.get("body").asString().getBytes(StandardCharsets.UTF_8);
			if (answer.get("valid").asBoolean()) {
				validator.validate(headers, body);
			}
			else {
				assertThatExceptionOfType(SignatureVerificationException.class).as(answer.get("case").asString())
					.isThrownBy(() -> validator.validate(headers, body))
					.extracting(SignatureVerificationException::getReason)
					.isEqualTo(SignatureVerificationException.Reason.INVALID_SIGNATURE);
			}
		}
	}

	@Test
	void decryptsTheResourceTheOfficialSdkDecrypted() {
		JsonNode aead = Vectors.root().get("aead_aes_256_gcm");
		byte[] plaintext = new ApiV3KeyCipher(aead.get("key").asString()).decrypt(
				aead.get("associated_data").asString(), aead.get("nonce").asString(),
				aead.get("ciphertext").asString());
		assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(aead.get("plaintext").asString());
	}

	@Test
	void acceptsTheNotificationAtItsSigningTimeAndRefusesItMoreThanFiveMinutesLater() {
		JsonNode notification = Vectors.root().get("notification");
		JsonNode headers = notification.get("headers");
		SignedHeaders signed = new SignedHeaders(headers.get("Wechatpay-Timestamp").asString(),
				headers.get("Wechatpay-Nonce").asString(), headers.get("Wechatpay-Signature").asString(),
				headers.get("Wechatpay-Serial").asString());
		byte[] body = notification.get("body").asString().getBytes(StandardCharsets.UTF_8);
		long signedAt = notification.get("signed_at_epoch_seconds").asLong();
		validatorAt(signedAt).validate(signed, body);
		validatorAt(signedAt + 300).validate(signed, body);
		assertThatExceptionOfType(SignatureVerificationException.class)
			.isThrownBy(() -> validatorAt(signedAt + 301).validate(signed, body))
			.extracting(SignatureVerificationException::getReason)
			.isEqualTo(SignatureVerificationException.Reason.TIMESTAMP_OUT_OF_WINDOW);
	}

	@Test
	void decryptsThePayerPhoneTheOfficialSdkEncrypted() {
		JsonNode phone = Vectors.root().get("payer_phone");
		assertThat(merchant("merchant_private_key_pkcs1_pem").decryptSensitiveField(phone.get("ciphertext").asString()))
			.isEqualTo(phone.get("plaintext").asString());
	}

	private static WechatPayMerchant merchant(String pemName) {
		return new WechatPayMerchant(Vectors.key("mchid"), SERIAL, PemKeys.privateKey(Vectors.key(pemName)),
				Vectors.key("api_v3_key"));
	}

	static WechatPaySignatureValidator validatorAt(long epochSeconds) {
		PublicKey key = PemKeys.publicKey(Vectors.key("wechatpay_public_key_pem"));
		String id = Vectors.key("wechatpay_public_key_id");
		VerificationKeyResolver resolver = (serial) -> id.equals(serial) ? Optional.of(key) : Optional.empty();
		return new WechatPaySignatureValidator(resolver,
				Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC), Duration.ofMinutes(5));
	}

}
