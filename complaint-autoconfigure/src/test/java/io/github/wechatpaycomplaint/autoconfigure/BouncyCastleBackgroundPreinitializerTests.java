package io.github.wechatpaycomplaint.autoconfigure;

import java.security.interfaces.RSAPublicKey;

import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Bouncy Castle is warmed up on Spring Boot's background pre-initialization thread.
 */
class BouncyCastleBackgroundPreinitializerTests {

	@Test
	void isRegisteredWithSpringBoot() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(BackgroundPreinitializer.class))
			.hasAtLeastOneElementOfType(BouncyCastleBackgroundPreinitializer.class);
	}

	@Test
	void parsesItsThrowawayKey() {
		assertThat(PemKeys.publicKey(BouncyCastleBackgroundPreinitializer.THROWAWAY_PUBLIC_KEY)).isInstanceOfSatisfying(
				RSAPublicKey.class, (key) -> assertThat(key.getModulus().bitLength()).isEqualTo(2048));
		assertThatNoException().isThrownBy(new BouncyCastleBackgroundPreinitializer()::preinitialize);
	}

}
