package io.github.wechatpaycomplaint.reconciliation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.SingleNotificationMerchants;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Lists the complaints of the last days and publishes a {@link ComplaintReconciledEvent}
 * for every complaint state not reported before, so that a complaint whose notification
 * was lost is still handled.
 *
 * <p>
 * What was reported is kept in the notification de-duplication store (memory, JDBC or
 * Redis): a complaint state is claimed, published, then marked done, exactly like a
 * notification id, so that instances sharing the store publish it once in total. A run
 * also takes a lock in the same store, so only one instance lists at a time.
 *
 * @since 0.1.0
 */
public final class ComplaintReconciler {

	private static final Log logger = LogFactory.getLog(ComplaintReconciler.class);

	// WeChat Pay's dates (begin_date, end_date) are China dates.
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Supplier<WechatPayComplaintClient> client;

	private final NotificationDeduplicationStore store;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final String merchantName;

	private final String merchantId;

	private final int lookBackDays;

	private final Duration lockLease;

	/**
	 * Creates a reconciler for the merchant named {@code default}, the one of
	 * {@code wechatpay.complaint.merchant.*}.
	 * @param client the complaint client
	 * @param store the store shared with notification de-duplication
	 * @param publisher publishes the events
	 * @param clock the clock
	 * @param merchantId the merchant, part of the store keys
	 * @param lookBackDays how many days of complaints (by filing date, today included) to
	 * list
	 * @param lockLease how long the run lock holds if an instance dies while running
	 * @see SingleNotificationMerchants#DEFAULT_NAME
	 */
	public ComplaintReconciler(WechatPayComplaintClient client, NotificationDeduplicationStore store,
			ApplicationEventPublisher publisher, Clock clock, String merchantId, int lookBackDays, Duration lockLease) {
		this(client, store, publisher, clock, SingleNotificationMerchants.DEFAULT_NAME, merchantId, lookBackDays,
				lockLease);
	}

	/**
	 * Creates a reconciler for a merchant of several.
	 * @param client the complaint client of the merchant
	 * @param store the store shared with notification de-duplication
	 * @param publisher publishes the events
	 * @param clock the clock
	 * @param merchantName the merchant's entry name, carried by the events
	 * @param merchantId the merchant, part of the store keys
	 * @param lookBackDays how many days of complaints (by filing date, today included) to
	 * list
	 * @param lockLease how long the run lock holds if an instance dies while running
	 */
	public ComplaintReconciler(WechatPayComplaintClient client, NotificationDeduplicationStore store,
			ApplicationEventPublisher publisher, Clock clock, String merchantName, String merchantId, int lookBackDays,
			Duration lockLease) {
		this(singleton(client), store, publisher, clock, merchantName, merchantId, lookBackDays, lockLease);
	}

	/**
	 * Creates a reconciler for a merchant of several whose client is built when a run
	 * first needs it, so that its keys are parsed then and a merchant that cannot be
	 * built fails its own runs only.
	 * @param client supplies the complaint client of the merchant
	 * @param store the store shared with notification de-duplication
	 * @param publisher publishes the events
	 * @param clock the clock
	 * @param merchantName the merchant's entry name, carried by the events
	 * @param merchantId the merchant, part of the store keys
	 * @param lookBackDays how many days of complaints (by filing date, today included) to
	 * list
	 * @param lockLease how long the run lock holds if an instance dies while running
	 */
	public ComplaintReconciler(Supplier<WechatPayComplaintClient> client, NotificationDeduplicationStore store,
			ApplicationEventPublisher publisher, Clock clock, String merchantName, String merchantId, int lookBackDays,
			Duration lockLease) {
		this.merchantName = Objects.requireNonNull(merchantName, "merchantName");
		this.client = Objects.requireNonNull(client, "client");
		this.store = Objects.requireNonNull(store, "store");
		this.publisher = Objects.requireNonNull(publisher, "publisher");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
		if (lookBackDays < 1) {
			throw new IllegalArgumentException("lookBackDays must be at least 1");
		}
		this.lookBackDays = lookBackDays;
		this.lockLease = Objects.requireNonNull(lockLease, "lockLease");
	}

	private static Supplier<WechatPayComplaintClient> singleton(WechatPayComplaintClient client) {
		Objects.requireNonNull(client, "client");
		return () -> client;
	}

	/**
	 * The entry name of the merchant this reconciler lists.
	 * @return the name
	 */
	public String getMerchantName() {
		return this.merchantName;
	}

	/**
	 * Runs once.
	 * @return what was done
	 */
	public ReconciliationResult reconcile() {
		NotificationClaim lock = this.store.claim("reconciliation-lock:" + this.merchantId, this.lockLease);
		if (lock.status() != NotificationClaim.Status.CLAIMED) {
			logger.debug("Complaint reconciliation skipped: another instance is running it");
			return ReconciliationResult.skipped();
		}
		try {
			LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
			int[] counts = new int[3];
			try (Stream<Complaint> complaints = this.client.get()
				.streamComplaints(today.minusDays(this.lookBackDays - 1L), today)) {
				complaints.forEach((complaint) -> {
					counts[0]++;
					switch (publishIfNew(complaint)) {
						case PUBLISHED -> counts[1]++;
						case FAILED -> counts[2]++;
						default -> {
						}
					}
				});
			}
			ReconciliationResult result = new ReconciliationResult(true, counts[0], counts[1], counts[2]);
			if (result.published() > 0 || result.failed() > 0) {
				String merchant = this.merchantName.equals(SingleNotificationMerchants.DEFAULT_NAME) ? ""
						: " of merchant '" + this.merchantName + "'";
				logger.info("Complaint reconciliation" + merchant + ": " + result.listed() + " listed, "
						+ result.published() + " published, " + result.failed() + " failed");
			}
			return result;
		}
		finally {
			this.store.release(lock);
		}
	}

	private Outcome publishIfNew(Complaint complaint) {
		NotificationClaim claim = this.store.claim(stateKey(complaint), this.lockLease);
		if (claim.status() != NotificationClaim.Status.CLAIMED) {
			return Outcome.SEEN;
		}
		try {
			this.publisher
				.publishEvent(new ComplaintReconciledEvent(this, this.merchantName, this.merchantId, complaint));
		}
		catch (RuntimeException ex) {
			this.store.release(claim);
			logger.error("A listener failed on reconciled complaint " + complaint.complaintId()
					+ "; it is published again on the next run", ex);
			return Outcome.FAILED;
		}
		// Remembered longer than the complaint can still be listed, so a state is
		// reported once.
		this.store.markDone(claim, Duration.ofDays(this.lookBackDays + 1L));
		return Outcome.PUBLISHED;
	}

	// Store keys are short (notification ids are 36 characters): the state is hashed into
	// one.
	private String stateKey(Complaint complaint) {
		String state = this.merchantId + ":" + complaint.complaintId() + ":" + complaint.rawComplaintState() + ":"
				+ complaint.userComplaintTimes() + ":" + Boolean.TRUE.equals(complaint.incomingUserResponse());
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
			return "reconciled:" + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private enum Outcome {

		PUBLISHED, SEEN, FAILED

	}

}
