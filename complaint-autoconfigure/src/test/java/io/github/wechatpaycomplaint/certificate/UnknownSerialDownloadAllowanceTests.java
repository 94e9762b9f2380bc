package io.github.wechatpaycomplaint.certificate;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Downloads for unknown serials are spaced, but lookups for the client's own answers and
 * for notifications (which anyone can send) are spaced separately: forged notifications
 * cannot use up the download an answer needs.
 */
class UnknownSerialDownloadAllowanceTests {

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	private static final String FORGED = "1111111111111111111111111111111111111111";

	private static final String ROTATED = "2222222222222222222222222222222222222222";

	private final AtomicReference<Map<String, PlatformCertificate>> published = new AtomicReference<>(Map.of());

	private final PlatformCertificateManager manager = new PlatformCertificateManager((trusted) -> this.published.get(),
			(serial) -> Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(12),
			Duration.ofMinutes(1));

	@Test
	void forgedNotificationSerialsDoNotUseUpTheDownloadAnAnswerNeeds() {
		assertThat(this.manager.resolve(FORGED)).isEmpty();
		awaitDownloads(1);
		assertThat(this.manager.resolve(FORGED + "0")).isEmpty();
		assertThat(this.manager.getDownloadCount()).isOne();
		// WeChat Pay rotated its certificate; the client's answer is signed with the new
		// one.
		this.published.set(Map.of(ROTATED, certificate(ROTATED)));
		assertThat(this.manager.resolveAwaitingDownload(ROTATED)).isPresent();
		assertThat(this.manager.getDownloadCount()).isEqualTo(2);
	}

	@Test
	void answersAreSpacedToo() {
		assertThat(this.manager.resolveAwaitingDownload(FORGED)).isEmpty();
		assertThat(this.manager.getDownloadCount()).isOne();
		assertThat(this.manager.resolveAwaitingDownload(FORGED + "0")).isEmpty();
		assertThat(this.manager.getDownloadCount()).isOne();
		// Notifications still have theirs.
		this.manager.resolve(ROTATED);
		awaitDownloads(2);
	}

	// Until the download has ended (its thread is gone), so that the next lookup finds
	// none in flight to join.
	private void awaitDownloads(int count) {
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(this.manager.getDownloadCount()).isEqualTo(count);
			assertThat(Thread.getAllStackTraces().keySet())
				.noneMatch((thread) -> thread.getName().equals("wechatpay-platform-certificates-download"));
		});
	}

	private static PlatformCertificate certificate(String serial) {
		KeyPair keys = RsaKeyPairs.generate();
		X509Certificate certificate = TestKeys.testCa()
			.issue(keys, new BigInteger(serial, 16), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
		return new PlatformCertificate(serial, certificate, NOW.minus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(365)));
	}

}
