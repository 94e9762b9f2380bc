package io.github.wechatpaycomplaint.certificate;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps WeChat Pay's platform certificates: downloads them once the application has
 * started (in the background, so a failed download never stops the application; it is
 * retried with back-off), refreshes them on a schedule so that new certificates are known
 * before the old ones expire, and downloads again when a signature names a serial it does
 * not know.
 *
 * <p>
 * Downloads run in the background, at most one at a time: on a
 * {@link PlatformCertificateScheduler} shared with other managers when one is given (a
 * thousand merchants then need a few threads, not a thousand), else on a thread of their
 * own. A lookup of an unknown serial never waits for one ({@link #resolve}): it starts a
 * download in the background and finds nothing, so that a flood of forged serials cannot
 * hold request threads; a notification is refused and WeChat Pay's retry finds the new
 * certificate. Only the signed client, whose answers come from WeChat Pay itself, waits
 * for that download, and for at most 10 s ({@link #resolveAwaitingDownload}). Downloads
 * triggered by unknown serials are spaced by a minimum interval, and only a well-formed
 * serial ({@link #isWellFormedSerial}) triggers one, so forged serials cannot make the
 * application hammer WeChat Pay. Lookups for the client's answers and for notifications
 * each have their own interval, so that forged notifications cannot use up the download
 * that an answer after a certificate rotation needs.
 *
 * <p>
 * One class of about 450 lines because the lookups, the one download in flight and the
 * refresh schedule share one lock, one in-flight future and one certificate map: the
 * scheduled refresh joins the download an unknown serial started and the reverse, so
 * split apart each part would reach into the others' state.
 *
 * @since 0.1.0
 */
public final class PlatformCertificateManager implements VerificationKeyResolver, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PlatformCertificateManager.class);

	private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(5);

	private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(5);

	// How long a client answer with an unknown serial waits for the download: as long as
	// one slow answer (the client's default read timeout); the download goes on after
	// that.
	private static final long WAIT_FOR_DOWNLOAD_SECONDS = 10;

	// X.509 serials are at most 20 octets; WeChat Pay writes them as 40 hex digits,
	// without leading zeros maybe one or two less. Anything else (public key ids,
	// garbage) cannot name a downloadable certificate.
	private static final Pattern WELL_FORMED_SERIAL = Pattern.compile("[0-9A-Fa-f]{16,40}");

	private final PlatformCertificateSource source;

	private final VerificationKeyResolver otherTrustedKeys;

	private final Clock clock;

	private final Duration refreshInterval;

	private final Duration unknownSerialRefreshInterval;

	private final ReentrantLock lock = new ReentrantLock();

	private final AtomicInteger downloads = new AtomicInteger();

	private volatile Map<String, PlatformCertificate> certificates = Map.of();

	private @Nullable CompletableFuture<Void> inFlight;

	// When the last download for an unknown serial started, per kind of lookup
	// (notification or client answer).
	private final Map<UnknownSerialLookup, Instant> lastUnknownSerialRefresh = new EnumMap<>(UnknownSerialLookup.class);

	private final CertificateTasks tasks;

	private volatile boolean running;

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Creates a manager.
	 * @param source where the certificates come from (WeChat Pay's certificate download
	 * in production)
	 * @param otherTrustedKeys other keys that may sign the download answer (the WeChat
	 * Pay public key during the migration), or a resolver that finds nothing
	 * @param clock the clock
	 * @param refreshInterval time between scheduled downloads
	 * @param unknownSerialRefreshInterval minimum time between downloads triggered by an
	 * unknown serial
	 */
	public PlatformCertificateManager(PlatformCertificateSource source, VerificationKeyResolver otherTrustedKeys,
			Clock clock, Duration refreshInterval, Duration unknownSerialRefreshInterval) {
		this(source, otherTrustedKeys, clock, refreshInterval, unknownSerialRefreshInterval, null);
	}

	/**
	 * Creates a manager that downloads and schedules its refreshes on a scheduler shared
	 * with other managers; {@link #stop()} cancels its next refresh and leaves the
	 * scheduler running.
	 * @param source where the certificates come from (WeChat Pay's certificate download
	 * in production)
	 * @param otherTrustedKeys other keys that may sign the download answer (the WeChat
	 * Pay public key during the migration), or a resolver that finds nothing
	 * @param clock the clock
	 * @param refreshInterval time between scheduled downloads
	 * @param unknownSerialRefreshInterval minimum time between downloads triggered by an
	 * unknown serial
	 * @param scheduler the shared scheduler, or {@code null} for threads of its own
	 */
	public PlatformCertificateManager(PlatformCertificateSource source, VerificationKeyResolver otherTrustedKeys,
			Clock clock, Duration refreshInterval, Duration unknownSerialRefreshInterval,
			@Nullable PlatformCertificateScheduler scheduler) {
		this.tasks = (scheduler != null) ? CertificateTasks.on(scheduler) : CertificateTasks.ownThreads();
		this.source = Objects.requireNonNull(source, "source");
		this.otherTrustedKeys = Objects.requireNonNull(otherTrustedKeys, "otherTrustedKeys");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
		this.unknownSerialRefreshInterval = Objects.requireNonNull(unknownSerialRefreshInterval,
				"unknownSerialRefreshInterval");
	}

	/**
	 * Looks a key up without waiting: when the serial is unknown (and
	 * {@link #isWellFormedSerial well-formed}), a download starts in the background,
	 * unless one is in flight or the last one for an unknown serial was less than
	 * {@code unknown-serial-refresh-interval} ago, and the lookup finds nothing now.
	 * @param serial the {@code Wechatpay-Serial} header
	 * @return the key, or empty when no usable certificate has the serial yet
	 */
	@Override
	public Optional<PublicKey> resolve(String serial) {
		PlatformCertificate certificate = this.certificates.get(serial);
		if (certificate == null) {
			downloadForUnknownSerial(serial, UnknownSerialLookup.NOTIFICATION);
		}
		return usableKey(certificate);
	}

	/**
	 * Looks a key up like {@link #resolve}, but when the serial is unknown waits up to 10
	 * s for the download in flight. For answers to the application's own calls, which
	 * come from WeChat Pay, never for notifications, which anyone can send.
	 * @param serial the {@code Wechatpay-Serial} header
	 * @return the key, or empty when no usable certificate has the serial, also after the
	 * download
	 */
	public Optional<PublicKey> resolveAwaitingDownload(String serial) {
		PlatformCertificate certificate = this.certificates.get(serial);
		if (certificate == null) {
			CompletableFuture<Void> download = downloadForUnknownSerial(serial, UnknownSerialLookup.CLIENT_ANSWER);
			if (download != null && awaitDownload(download)) {
				certificate = this.certificates.get(serial);
			}
		}
		return usableKey(certificate);
	}

	/**
	 * Whether a {@code Wechatpay-Serial} may name a platform certificate: 16 to 40 hex
	 * digits (WeChat Pay's are 40). Other serials never trigger a download.
	 * @param serial the serial
	 * @return {@code true} if it looks like a certificate serial number
	 */
	public static boolean isWellFormedSerial(String serial) {
		return WELL_FORMED_SERIAL.matcher(serial).matches();
	}

	private Optional<PublicKey> usableKey(@Nullable PlatformCertificate certificate) {
		if (certificate == null || !certificate.isValidAt(this.clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(certificate.publicKey());
	}

	/**
	 * The serial of the usable certificate that expires last, which requests send as
	 * {@code Wechatpay-Serial}.
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
	 * Adds a listener that runs after each download that changed which serials are known
	 * (a new certificate, or an expired one dropped), on the thread of the download; it
	 * reads them with {@link #getCertificates()}. The merchant registry indexes the
	 * serials with it.
	 * @param listener the listener; its exceptions are logged and change nothing
	 */
	public void addCertificatesListener(Runnable listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener"));
	}

	/**
	 * Removes a listener.
	 * @param listener the listener
	 */
	public void removeCertificatesListener(Runnable listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Downloads now in the background, or joins the download already in flight.
	 * @return completes when the download has finished
	 */
	public CompletableFuture<Void> refresh() {
		CompletableFuture<Void> download = startOrJoin(null);
		return (download != null) ? download : CompletableFuture.completedFuture(null);
	}

	// The download to wait for, or null when the serial cannot name a certificate or the
	// interval has not passed.
	private @Nullable CompletableFuture<Void> downloadForUnknownSerial(String serial, UnknownSerialLookup lookup) {
		if (!isWellFormedSerial(serial)) {
			return null;
		}
		CompletableFuture<Void> download = startOrJoin(lookup);
		if (download == null && logger.isDebugEnabled()) {
			logger.debug("No WeChat Pay platform certificate download for an unknown serial: the last one was less "
					+ "than " + this.unknownSerialRefreshInterval + " ago");
		}
		return download;
	}

	private boolean awaitDownload(CompletableFuture<Void> download) {
		try {
			download.get(WAIT_FOR_DOWNLOAD_SECONDS, TimeUnit.SECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			return false; // logged once by the download itself
		}
		catch (TimeoutException ex) {
			logger.warn("WeChat Pay platform certificate download for an answer signed with an unknown serial took "
					+ "more than " + WAIT_FOR_DOWNLOAD_SECONDS + " s; the answer is refused");
			return false;
		}
	}

	// Returns the download in flight, or a new one started in the background; null when
	// an unknown-serial download
	// is not allowed yet for this kind of lookup (null lookup: a scheduled or requested
	// refresh, always allowed).
	// Nothing here waits, so the lock is only held for a moment.
	private @Nullable CompletableFuture<Void> startOrJoin(@Nullable UnknownSerialLookup lookup) {
		boolean becauseOfUnknownSerial = lookup != null;
		CompletableFuture<Void> download;
		this.lock.lock();
		try {
			if (this.inFlight != null) {
				return this.inFlight;
			}
			if (lookup != null) {
				Instant now = this.clock.instant();
				Instant last = this.lastUnknownSerialRefresh.get(lookup);
				if (last != null && now.isBefore(last.plus(this.unknownSerialRefreshInterval))) {
					return null;
				}
				this.lastUnknownSerialRefresh.put(lookup, now);
			}
			download = new CompletableFuture<>();
			this.inFlight = download;
		}
		finally {
			this.lock.unlock();
		}
		try {
			this.tasks.execute(() -> runDownload(download, becauseOfUnknownSerial));
		}
		catch (RuntimeException | Error ex) {
			// No thread, or the shared scheduler is closed (the application stops).
			clearInFlight();
			download.completeExceptionally(ex);
		}
		return download;
	}

	private void runDownload(CompletableFuture<Void> download, boolean becauseOfUnknownSerial) {
		Throwable failure = null;
		try {
			download();
		}
		catch (RuntimeException | Error ex) {
			failure = ex;
		}
		finally {
			clearInFlight();
		}
		if (failure == null) {
			download.complete(null);
			return;
		}
		if (becauseOfUnknownSerial) {
			Throwable cause = (failure.getCause() != null) ? failure.getCause() : failure;
			logger.warn("WeChat Pay platform certificate download for a signature with an unknown serial failed ("
					+ cause.getMessage() + "); such signatures are refused until a download succeeds");
		}
		download.completeExceptionally(failure);
	}

	// Cleared before the future completes, so that whoever it wakes finds no download in
	// flight.
	private void clearInFlight() {
		this.lock.lock();
		try {
			this.inFlight = null;
		}
		finally {
			this.lock.unlock();
		}
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
		if (!merged.keySet().equals(known.keySet())) {
			tellListeners();
		}
	}

	private void tellListeners() {
		for (Runnable listener : this.listeners) {
			try {
				listener.run();
			}
			catch (RuntimeException ex) {
				logger.warn("A WeChat Pay platform certificate listener failed: " + ex.getClass().getName());
			}
		}
	}

	// Never waits for the download: on a shared scheduler a waiting refresh would hold a
	// thread that the download itself may need. The next refresh is scheduled once it
	// ends.
	private void scheduledRefresh(Duration failedDelay) {
		if (!this.running) {
			return;
		}
		CompletableFuture<Void> download = startOrJoin(null);
		if (download == null) {
			download = CompletableFuture.completedFuture(null);
		}
		download.whenComplete((ignored, failure) -> scheduleAfter(failure, failedDelay));
	}

	private void scheduleAfter(@Nullable Throwable failure, Duration failedDelay) {
		if (failure == null) {
			schedule(this.refreshInterval, FIRST_RETRY_DELAY);
			return;
		}
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		logger.warn("WeChat Pay platform certificate download failed (" + cause.getMessage() + "); retrying in "
				+ failedDelay.toSeconds() + " s");
		schedule(failedDelay, min(failedDelay.multipliedBy(2), MAX_RETRY_DELAY));
	}

	private void schedule(Duration delay, Duration failedDelay) {
		if (!this.running) {
			return;
		}
		try {
			this.tasks.schedule(() -> scheduledRefresh(failedDelay), delay);
		}
		catch (RejectedExecutionException ex) {
			// Stopped meanwhile: nothing more to refresh.
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public void start() {
		this.tasks.start();
		this.running = true;
		schedule(Duration.ZERO, FIRST_RETRY_DELAY);
	}

	@Override
	public void stop() {
		this.running = false;
		this.tasks.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public String toString() {
		return "PlatformCertificateManager[serials=" + this.certificates.keySet() + "]";
	}

	// Who looked an unknown serial up: anyone can send a notification; only WeChat Pay
	// answers the client's calls.
	private enum UnknownSerialLookup {

		NOTIFICATION, CLIENT_ANSWER

	}

}
