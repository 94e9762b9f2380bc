package io.github.wechatpaycomplaint.certificate;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import io.github.wechatpaycomplaint.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Many managers on one {@link PlatformCertificateScheduler}: a few threads for all their
 * downloads and refreshes, a stopped manager's refreshes cancelled without touching the
 * others, a closed scheduler that refuses downloads without failing callers, and the
 * listener told when the known serials change.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformCertificateSchedulerTests {

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	private static final String SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E2";

	private static final String FORGED = "1111111111111111111111111111111111111111";

	private final PlatformCertificateScheduler scheduler = new PlatformCertificateScheduler(2);

	private final AtomicReference<Map<String, PlatformCertificate>> published = new AtomicReference<>(Map.of());

	private final List<PlatformCertificateManager> managers = new ArrayList<>();

	private final Set<Thread> downloadThreads = ConcurrentHashMap.newKeySet();

	@AfterEach
	void stop() {
		this.managers.forEach(PlatformCertificateManager::stop);
		this.scheduler.close();
	}

	@Test
	void fiftyManagersDownloadAndRefreshOnTwoThreads() {
		for (int i = 0; i < 50; i++) {
			manager(Duration.ofMillis(20)).start();
		}
		// Each has refreshed a few times: their refreshes are scheduled again after each
		// download, on the same threads.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.managers.stream().allMatch((manager) -> manager.getDownloadCount() >= 3));
		assertThat(this.scheduler.getThreadCount()).isLessThanOrEqualTo(2);
		assertThat(this.downloadThreads).hasSizeLessThanOrEqualTo(2)
			.allMatch((thread) -> thread.getName().startsWith("wechatpay-platform-certificates-"));
	}

	@Test
	void aStoppedManagerRefreshesNoMoreWhileTheOthersGoOn() {
		PlatformCertificateManager stopped = manager(Duration.ofMillis(20));
		PlatformCertificateManager running = manager(Duration.ofMillis(20));
		stopped.start();
		running.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> stopped.getDownloadCount() >= 1);
		stopped.stop();
		int atStop = stopped.getDownloadCount();
		int runningAtStop = running.getDownloadCount();
		await().atMost(Duration.ofSeconds(10)).until(() -> running.getDownloadCount() >= runningAtStop + 5);
		// A refresh under way when it stopped may still finish.
		assertThat(stopped.getDownloadCount()).isBetween(atStop, atStop + 1);
		assertThat(this.scheduler.isClosed()).isFalse();
	}

	@Test
	void onAClosedSchedulerALookupFindsNothingAndARefreshFailsWithoutThrowing() {
		PlatformCertificateManager manager = manager(Duration.ofHours(12));
		this.scheduler.close();
		assertThat(manager.resolve(FORGED)).isEmpty();
		assertThat(manager.resolveAwaitingDownload(FORGED)).isEmpty();
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> manager.refresh().join())
			.withCauseInstanceOf(RejectedExecutionException.class);
		assertThat(manager.getDownloadCount()).isZero();
		manager.start();
		assertThat(manager.isRunning()).isTrue();
	}

	@Test
	void theListenerIsToldWhenTheKnownSerialsChangeOnly(CapturedOutput output) {
		PlatformCertificateManager manager = manager(Duration.ofHours(12));
		AtomicInteger told = new AtomicInteger();
		manager.addCertificatesListener(told::incrementAndGet);
		manager.addCertificatesListener(() -> {
			throw new IllegalStateException("listener bug");
		});
		manager.refresh().join();
		assertThat(told).hasValue(0);
		this.published.set(Map.of(SERIAL, certificate(SERIAL)));
		manager.refresh().join();
		assertThat(told).hasValue(1);
		assertThat(manager.getCertificates()).containsOnlyKeys(SERIAL);
		assertThat(output)
			.contains("A WeChat Pay platform certificate listener failed: java.lang.IllegalStateException");
		manager.refresh().join();
		assertThat(told).as("the same serials again").hasValue(1);
		Runnable removed = told::incrementAndGet;
		manager.addCertificatesListener(removed);
		manager.removeCertificatesListener(removed);
		this.published.set(Map.of(FORGED, certificate(FORGED)));
		manager.refresh().join();
		assertThat(told).hasValue(2);
	}

	@Test
	void aSchedulerHasAtLeastOneThread() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PlatformCertificateScheduler(0))
			.withMessageContaining("at least 1");
	}

	private PlatformCertificateManager manager(Duration refreshInterval) {
		PlatformCertificateManager manager = new PlatformCertificateManager((trusted) -> {
			this.downloadThreads.add(Thread.currentThread());
			return this.published.get();
		}, (serial) -> Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC), refreshInterval, Duration.ofMinutes(1),
				this.scheduler);
		this.managers.add(manager);
		return manager;
	}

	private static PlatformCertificate certificate(String serial) {
		return new PlatformCertificate(serial,
				TestKeys.testCa()
					.issue(RsaKeyPairs.generate(), new BigInteger(serial, 16), NOW.minus(Duration.ofDays(1)),
							NOW.plus(Duration.ofDays(365))),
				NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
	}

}
