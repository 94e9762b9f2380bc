package io.github.wechatpaycomplaint.crypto;

import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.crypto.internal.RsaSigner;
import io.github.wechatpaycomplaint.crypto.internal.RsaVerifier;
import io.github.wechatpaycomplaint.crypto.internal.SensitiveDataCipher;
import io.github.wechatpaycomplaint.crypto.internal.SignatureMessages;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;

import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Malformed input to the crypto building blocks: refused with a clear error, or as an
 * invalid signature, never with an unexpected exception, and never with key material in
 * the message.
 */
class CryptoBadInputTests {

	private static final KeyPair PAIR = RsaKeyPairs.generate();

	private static final byte[] BODY = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

	private static final String API_V3_KEY = "0123456789abcdef0123456789abcdef";

	@Test
	void aSignatureThatIsNotBase64IsInvalid() {
		assertThat(RsaVerifier.verifyAnswer(PAIR.getPublic(), "1700000000", "nonce", BODY, "not base64!")).isFalse();
		assertThat(RsaVerifier.verify(PAIR.getPublic(), BODY, "%%%")).isFalse();
	}

	@Test
	void aSignatureOfTheWrongLengthIsInvalid() {
		String short_ = Base64.getEncoder().encodeToString(new byte[10]);
		assertThat(RsaVerifier.verifyAnswer(PAIR.getPublic(), "1700000000", "nonce", BODY, short_)).isFalse();
		assertThat(RsaVerifier.verify(PAIR.getPublic(), BODY, short_)).isFalse();
	}

	@Test
	void aKeyOfAnotherAlgorithmVerifiesNothingAndSpoilsNothing() throws Exception {
		PublicKey ecKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
		String signature = new RsaSigner(PAIR.getPrivate()).sign(SignatureMessages.answer("1700000000", "nonce", BODY));
		boolean[] results = new boolean[3];
		// On a fresh thread, so that the EC key is the first its per-thread Signature
		// sees.
		Thread thread = new Thread(() -> {
			results[0] = RsaVerifier.verifyAnswer(ecKey, "1700000000", "nonce", BODY, signature);
			results[1] = RsaVerifier.verifyAnswer(PAIR.getPublic(), "1700000000", "nonce", BODY, signature);
			results[2] = RsaVerifier.verify(PAIR.getPublic(), SignatureMessages.answer("1700000000", "nonce", BODY),
					signature);
		});
		thread.start();
		thread.join();
		assertThat(results).containsExactly(false, true, true);
	}

	@Test
	void aSignerWithANonRsaKeySaysSo() throws Exception {
		KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
		assertThatExceptionOfType(InvalidKeyMaterialException.class)
			.isThrownBy(() -> new RsaSigner(ec.generateKeyPair().getPrivate()).sign(BODY))
			.withMessageContaining("SHA256withRSA");
	}

	@Test
	void anApiV3KeyOfTheWrongLengthIsRefusedWithoutShowingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiV3KeyCipher("secret-but-short"))
			.withMessageContaining("32 bytes")
			.withMessageContaining("16 bytes")
			.withMessageNotContaining("secret-but-short");
	}

	@Test
	void malformedResourcesAreRefusedWithTheReason() {
		ApiV3KeyCipher cipher = new ApiV3KeyCipher(API_V3_KEY);
		assertThatExceptionOfType(DecryptionException.class).isThrownBy(() -> cipher.decrypt("ad", "nonce", "@@@"))
			.withMessageContaining("not valid Base64");
		assertThatExceptionOfType(DecryptionException.class)
			.isThrownBy(() -> cipher.decrypt("ad", "nonce", Base64.getEncoder().encodeToString(new byte[8])))
			.withMessageContaining("shorter than the 16-byte GCM tag");
		String ciphertext = cipher.encrypt("ad", "0123456789ab", BODY);
		assertThatExceptionOfType(DecryptionException.class).isThrownBy(() -> cipher.decrypt("ad", "", ciphertext))
			.withMessageContaining("nonce is empty");
		assertThatExceptionOfType(ApiV3KeyMismatchException.class)
			.isThrownBy(() -> cipher.decrypt("other associated data", "0123456789ab", ciphertext));
		assertThat(cipher.decrypt("ad", "0123456789ab", ciphertext)).isEqualTo(BODY);
	}

	@Test
	void aSensitiveFieldThatDoesNotDecryptSaysWhyWithoutData() {
		String forUs = SensitiveDataCipher.encrypt(PAIR.getPublic(), "13800138000");
		assertThat(SensitiveDataCipher.decrypt(PAIR.getPrivate(), forUs)).isEqualTo("13800138000");
		assertThatExceptionOfType(DecryptionException.class)
			.isThrownBy(() -> SensitiveDataCipher.decrypt(PAIR.getPrivate(), "***"))
			.withMessageContaining("not valid Base64");
		String forAnother = SensitiveDataCipher.encrypt(RsaKeyPairs.generate().getPublic(), "13800138000");
		assertThatExceptionOfType(DecryptionException.class)
			.isThrownBy(() -> SensitiveDataCipher.decrypt(PAIR.getPrivate(), forAnother))
			.withMessageContaining("another merchant certificate")
			.withMessageNotContaining("13800138000");
	}

	@Test
	void pemOfTheWrongKindNamesWhatWasFound() {
		String publicPem = PemText.write(PAIR.getPublic());
		String privatePem = PemText.privateKey(PAIR.getPrivate());
		assertThatExceptionOfType(InvalidKeyMaterialException.class).isThrownBy(() -> PemKeys.privateKey(publicPem))
			.withMessageContaining("Expected a private key PEM");
		assertThatExceptionOfType(InvalidKeyMaterialException.class).isThrownBy(() -> PemKeys.publicKey(privatePem))
			.withMessageContaining("Expected a public key PEM")
			.withMessageNotContaining(privatePem.lines().skip(1).findFirst().orElseThrow());
		assertThatExceptionOfType(InvalidKeyMaterialException.class).isThrownBy(() -> PemKeys.certificate(publicPem))
			.withMessageContaining("Expected a certificate PEM");
		assertThatExceptionOfType(InvalidKeyMaterialException.class).isThrownBy(() -> PemKeys.publicKey("   "))
			.withMessageContaining("empty");
		assertThatExceptionOfType(InvalidKeyMaterialException.class)
			.isThrownBy(() -> PemKeys.publicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
			.withMessageContaining("malformed");
	}

	@Test
	void aCertificatePemAlsoGivesItsPublicKey() {
		var certificate = TestKeys.certificate(PAIR, BigInteger.TEN, Instant.now().minusSeconds(60),
				Instant.now().plusSeconds(3600));
		assertThat(PemKeys.publicKey(PemText.write(certificate))).isEqualTo(PAIR.getPublic());
	}

}
