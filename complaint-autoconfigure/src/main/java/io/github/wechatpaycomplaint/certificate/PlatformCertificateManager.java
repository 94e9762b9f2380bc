package io.github.wechatpaycomplaint.certificate;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps WeChat Pay's platform certificates: downloads them once the application has started (in the background, so a
 * failed download never stops the application; it is retried with back-off), refreshes them on a schedule so that new
 * certificates are known before the old ones expire, and downloads again when a signature names a serial it does not
 * know.
 *
 * <p>
 * At most one download is in flight: concurrent lookups of an unknown serial wait for the same download. Downloads
 * triggered by unknown serials are spaced by a minimum interval, so forged serials cannot make the application hammer
 * WeChat Pay.
 *
 * @since 0.1.0
 */
public final class PlatformCertificateManager implements VerificationKeyResolver, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PlatformCertificateManager.class);

	private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(5);

	private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);

	private static final Duration WAIT_FOR_DOWNLOAD = Duration.ofSeconds(30);

	private final PlatformCertificateSource source;

	private final VerificationKeyResolver otherTrustedKeys;

	private final Clock clock;

	private final Duration refreshInterval;

	private final Duration unknownSerialRefreshInterval;

	private final ReentrantLock lock = new ReentrantLock();

	private final AtomicInteger downloads = new AtomicInteger();

	private volatile Map<String, PlatformCertificate> certificates = Map.of();

	private @Nullable CompletableFuture<Void> inFlight;

	private @Nullable Instant lastUnknownSerialRefresh;

	private @Nullable ScheduledExecutorService scheduler;

	private volatile boolean running;

	/**
	 * Creates a manager.
	 * @param source where the certificates come from (WeChat Pay's certificate download in production)
	 * @param otherTrustedKeys other keys that may sign the download answer (the WeChat Pay public key during the
	 * migration), or a resolver that finds nothing
	 * @param clock the clock
	 * @param refreshInterval time between scheduled downloads
	 * @param unknownSerialRefreshInterval minimum time between downloads triggered by an unknown serial
	 */
	public PlatformCertificateManager(PlatformCertificateSource source, VerificationKeyResolver otherTrustedKeys,
			Clock clock, Duration refreshInterval, Duration unknownSerialRefreshInterval) {
		this.source = Objects.requireNonNull(source, "source");
		this.otherTrustedKeys = Objects.requireNonNull(otherTrustedKeys, "otherTrustedKeys");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
		this.unknownSerialRefreshInterval = Objects.requireNonNull(unknownSerialRefreshInterval,
				"unknownSerialRefreshInterval");
	}

	@Override
	public Optional<PublicKey> resolve(String serial) {
		PlatformCertificate certificate = this.certificates.get(serial);
		if (certificate == null && refreshForUnknownSerial()) {
			certificate = this.certificates.get(serial);
		}
		if (certificate == null || !certificate.isValidAt(this.clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(certificate.publicKey());
	}

	/**
	 * The serial of the usable certificate that expires last, which requests send as {@code Wechatpay-Serial}.
	 * @return the serial, or {@code null} before the first successful download
	 */
	public @Nullable String newestSerial() {
		Instant now = this.clock.instant();
		return this.certificates.values()
			.stream()
			.filter((certificate) -> certificate.isValidAt(now))
			.max(Comparator.comparing(PlatformCertificate::expireTime))
			.map(PlatformCertificate::serialNumber)
			.orElse(null);
	}

	/**
	 * The certificates known now.
	 * @return the certificates by serial
	 */
	public Map<String, PlatformCertificate> getCertificates() {
		return this.certificates;
	}

	/**
	 * How many downloads were started so far.
	 * @return the count
	 */
	public int getDownloadCount() {
		return this.downloads.get();
	}

	/**
	 * Downloads now, or joins the download already in flight.
	 * @return completes when the download has finished
	 */
	public CompletableFuture<Void> refresh() {
		return startOrJoin(false);
	}

	private boolean refreshForUnknownSerial() {
		CompletableFuture<Void> download = startOrJoin(true);
		if (download == null) {
			return false;
		}
		try {
			download.get(WAIT_FOR_DOWNLOAD.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			logger.warn("WeChat Pay platform certificate download for an answer signed with an unknown serial failed ("
					+ cause.getMessage() + "); the answer is refused");
			return false;
		}
		catch (TimeoutException ex) {
			logger.warn("WeChat Pay platform certificate download for an answer signed with an unknown serial took "
					+ "more than " + WAIT_FOR_DOWNLOAD.toSeconds() + " s; the answer is refused");
			return false;
		}
	}

	// Returns the download to wait for; null when an unknown-serial download is not allowed yet.
	private @Nullable CompletableFuture<Void> startOrJoin(boolean becauseOfUnknownSerial) {
		CompletableFuture<Void> download;
		this.lock.lock();
		try {
			if (this.inFlight != null) {
				return this.inFlight;
			}
			if (becauseOfUnknownSerial) {
				Instant now = this.clock.instant();
				if (this.lastUnknownSerialRefresh != null
						&& now.isBefore(this.lastUnknownSerialRefresh.plus(this.unknownSerialRefreshInterval))) {
					return null;
				}
				this.lastUnknownSerialRefresh = now;
			}
			download = new CompletableFuture<>();
			this.inFlight = download;
		}
		finally {
			this.lock.unlock();
		}
		try {
			download();
			download.complete(null);
		}
		catch (RuntimeException ex) {
			download.completeExceptionally(ex);
		}
		finally {
			this.lock.lock();
			try {
				this.inFlight = null;
			}
			finally {
				this.lock.unlock();
			}
		}
		return download;
	}

	private void download() {
		this.downloads.incrementAndGet();
		Map<String, PlatformCertificate> known = this.certificates;
		VerificationKeyResolver trusted = (serial) -> {
			PlatformCertificate certificate = known.get(serial);
			return (certificate != null) ? Optional.of(certificate.publicKey()) : this.otherTrustedKeys.resolve(serial);
		};
		Map<String, PlatformCertificate> downloaded = this.source.download(trusted);
		Map<String, PlatformCertificate> merged = new HashMap<>(known);
		merged.putAll(downloaded);
		Instant now = this.clock.instant();
		merged.values().removeIf((certificate) -> !now.isBefore(certificate.expireTime()));
		this.certificates = Map.copyOf(merged);
		if (logger.isDebugEnabled()) {
			logger.debug("WeChat Pay platform certificates refreshed: " + this.certificates.keySet());
		}
	}

	private void scheduledRefresh(Duration failedDelay) {
		if (!this.running) {
			return;
		}
		boolean succeeded;
		try {
			CompletableFuture<Void> download = startOrJoin(false);
			if (download != null) {
				download.join();
			}
			succeeded = true;
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			succeeded = false;
			logger.warn("WeChat Pay platform certificate download failed (" + cause.getMessage() + "); retrying in "
					+ failedDelay.toSeconds() + " s");
		}
		Duration next = succeeded ? this.refreshInterval : failedDelay;
		Duration afterNextFailure = succeeded ? FIRST_RETRY_DELAY : min(failedDelay.multipliedBy(2), MAX_RETRY_DELAY);
		schedule(next, afterNextFailure);
	}

	private void schedule(Duration delay, Duration failedDelay) {
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null && this.running) {
			executor.schedule(() -> scheduledRefresh(failedDelay), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "wechatpay-platform-certificates");
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		schedule(Duration.ZERO, FIRST_RETRY_DELAY);
	}

	@Override
	public void stop() {
		this.running = false;
		ScheduledExecutorService executor = this.scheduler;
		if (executor != null) {
			executor.shutdownNow();
		}
		this.scheduler = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public String toString() {
		return "PlatformCertificateManager[serials=" + this.certificates.keySet() + "]";
	}

}
