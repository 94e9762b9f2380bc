package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.crypto.internal.PemKeys;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Loads Bouncy Castle's PEM parsing on Spring Boot's background pre-initialization thread
 * while the application starts. The first key parsed costs about a quarter of a second on
 * a cold JVM (Bouncy Castle's jars are signed, and every class is verified as it loads);
 * without this, the merchant's keys pay it on the main thread during startup. Skipped,
 * like Spring Boot's own pre-initializers, with the system property
 * {@code spring.backgroundpreinitializer.ignore=true} or on a single CPU.
 *
 * @since 0.1.0
 */
final class BouncyCastleBackgroundPreinitializer implements BackgroundPreinitializer {

	// A throwaway RSA-2048 public key whose private key was never kept: parsing it loads
	// the same classes the
	// merchant's private key and WeChat Pay's public key need.
	static final String THROWAWAY_PUBLIC_KEY = """
			-----BEGIN PUBLIC KEY-----
			MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqZ3k45NwSmgtiKOrrAtQ
			oExIS1ApyCBQUQBJYxXSqGOSCswq/r4XHKiWNkns1kdrqfc3+a5m/FBM4pYdyzVq
			vQ6NAvwNLQ7wVpgecxQXdz0dCCCY7BIWPNecm1zdNlVLRSkAEJLdwxcX+UtjL6dj
			zYwauF1pMaomYqVzZIVWTXlO5f0eITN4OL7kQ1RgWZtB8iQj1899G2nLL0o5mj7Y
			WPOz763uTu3pXQPJqTEtShVWR8d5xYoZjMkl4JzI0Fstz5Klkpg/oGVtYq7V6FKK
			AQlJnb5//sNP3cVJLTMOohZA2K2bAYkYy7BFXUHRVKPSYOdjg6BHQerEOxdhl/zk
			oQIDAQAB
			-----END PUBLIC KEY-----
			""";

	@Override
	public void preinitialize() {
		PemKeys.publicKey(THROWAWAY_PUBLIC_KEY);
	}

}
