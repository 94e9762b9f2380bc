package io.github.wechatpaycomplaint.aot;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateTrust;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.simulator.keys.PemText;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why the starter registers no hints for Bouncy Castle's JCA provider: it reads PEM with
 * Bouncy Castle's parser only, and the keys and certificates it gets are the JDK's own,
 * made by the JDK's providers, which a native image includes by itself. Bouncy Castle's
 * provider, which would need a GraalVM feature in a native image, is never used.
 */
class BouncyCastleNativeTests {

	@Test
	void keysAndCertificatesReadFromPemAreTheJdksOwn() {
		java.security.KeyPair pair = RsaKeyPairs.generate();
		PrivateKey privateKey = PemKeys.privateKey(PemText.privateKey(pair.getPrivate()));
		PublicKey publicKey = PemKeys.publicKey(PemText.write(pair.getPublic()));
		X509Certificate certificate = PlatformCertificateTrust.builtInTenpayRootCa();
		assertThat(java.util.List.of(privateKey, publicKey, certificate))
			.allSatisfy((object) -> assertThat(object.getClass().getName()).startsWith("sun.security."));
	}

}
