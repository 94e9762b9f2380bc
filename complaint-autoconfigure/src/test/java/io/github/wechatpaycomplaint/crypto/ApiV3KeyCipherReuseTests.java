package io.github.wechatpaycomplaint.crypto;

import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ApiV3KeyCipher} keeps initialised ciphers per key: decryption stays right when
 * keys alternate, when threads decrypt at once, and after a failed decryption.
 */
class ApiV3KeyCipherReuseTests {

	private static final String NONCE = "0123456789ab";

	@Test
	void alternatingKeysEachDecryptTheirOwnResources() {
		ApiV3KeyCipher first = new ApiV3KeyCipher("0123456789abcdef0123456789abcdef");
		ApiV3KeyCipher second = new ApiV3KeyCipher("fedcba9876543210fedcba9876543210");
		String forFirst = first.encrypt("certificate", NONCE, bytes("first"));
		String forSecond = second.encrypt("certificate", NONCE, bytes("second"));
		for (int i = 0; i < 3; i++) {
			assertThat(first.decrypt("certificate", NONCE, forFirst)).isEqualTo(bytes("first"));
			assertThat(second.decrypt("certificate", NONCE, forSecond)).isEqualTo(bytes("second"));
			assertThatExceptionOfType(ApiV3KeyMismatchException.class)
				.isThrownBy(() -> first.decrypt("certificate", NONCE, forSecond));
		}
	}

	@Test
	void aFailedDecryptionLeavesNothingBehindForTheNext() {
		ApiV3KeyCipher cipher = new ApiV3KeyCipher("0123456789abcdef0123456789abcdef");
		String ciphertext = cipher.encrypt("ad", NONCE, bytes("resource"));
		assertThatExceptionOfType(ApiV3KeyMismatchException.class)
			.isThrownBy(() -> cipher.decrypt("altered", NONCE, ciphertext));
		assertThatExceptionOfType(DecryptionException.class)
			.isThrownBy(() -> cipher.decrypt("ad", NONCE, ciphertext.substring(4)));
		assertThat(cipher.decrypt("ad", NONCE, ciphertext)).isEqualTo(bytes("resource"));
		assertThat(cipher.decrypt("", NONCE, cipher.encrypt("", NONCE, bytes("no aad")))).isEqualTo(bytes("no aad"));
	}

	@Test
	void moreThreadsThanKeptCiphersDecryptAtOnce() throws Exception {
		ApiV3KeyCipher cipher = new ApiV3KeyCipher("0123456789abcdef0123456789abcdef");
		List<String> nonces = new ArrayList<>();
		List<String> ciphertexts = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			String nonce = String.format("nonce%07d", i);
			nonces.add(nonce);
			ciphertexts.add(cipher.encrypt("ad" + i, nonce, bytes("resource " + i)));
		}
		ExecutorService threads = Executors.newFixedThreadPool(12);
		try {
			List<Callable<Boolean>> tasks = new ArrayList<>();
			for (int thread = 0; thread < 12; thread++) {
				tasks.add(() -> {
					for (int round = 0; round < 50; round++) {
						for (int i = 0; i < nonces.size(); i++) {
							if (!new String(cipher.decrypt("ad" + i, nonces.get(i), ciphertexts.get(i)),
									StandardCharsets.UTF_8)
								.equals("resource " + i)) {
								return false;
							}
						}
					}
					return true;
				});
			}
			for (Future<Boolean> result : threads.invokeAll(tasks)) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void itsTextShowsNoKey() {
		assertThat(new ApiV3KeyCipher("0123456789abcdef0123456789abcdef")).hasToString("ApiV3KeyCipher[key=******]");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
