package io.github.wechatpaycomplaint.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.internal.UntrustedText;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Handles one delivery of a complaint notification, independent of the web framework:
 * find the merchant (the one the path names, or on the shared path the one the
 * {@code Wechatpay-Serial} header names), verify the signature on the raw bytes with that
 * merchant's keys, parse and decrypt with its APIv3 key, claim the merchant's
 * notification id, publish the event synchronously, then mark the id done. A listener
 * failure releases the claim and is reported, so that WeChat Pay's next delivery is
 * handled.
 *
 * <p>
 * With an inbox (durable processing) a verified notification is recorded in the inbox
 * instead, which is its de-duplication too, and the delivery is answered without waiting
 * for any listener: the inbox's workers publish the event afterwards.
 *
 * @since 0.1.0
 */
public final class ComplaintNotificationHandler {

	private static final Log logger = LogFactory.getLog(ComplaintNotificationHandler.class);

	private final NotificationMerchants merchants;

	private final Clock clock;

	private final Duration maxClockSkew;

	private final NotificationParser parser = new NotificationParser();

	private final NotificationDeduplicationStore store;

	private final ApplicationEventPublisher publisher;

	private final Duration lease;

	private final Duration timeToLive;

	private final @Nullable NotificationInbox inbox;

	/**
	 * Creates a handler.
	 * @param merchants the merchants notifications can be for
	 * @param clock the clock the signature timestamps are checked against
	 * @param maxClockSkew the largest difference allowed between a signature timestamp
	 * and the clock, in either direction
	 * @param store de-duplicates by merchant and notification id
	 * @param publisher publishes the events
	 * @param lease how long a claim holds while listeners run
	 * @param timeToLive how long a handled id is remembered
	 */
	public ComplaintNotificationHandler(NotificationMerchants merchants, Clock clock, Duration maxClockSkew,
			NotificationDeduplicationStore store, ApplicationEventPublisher publisher, Duration lease,
			Duration timeToLive) {
		this(merchants, clock, maxClockSkew, store, publisher, lease, timeToLive, null);
	}

	/**
	 * Creates a handler that records notifications in an inbox when one is given, instead
	 * of publishing them in the request.
	 * @param merchants the merchants notifications can be for
	 * @param clock the clock the signature timestamps are checked against
	 * @param maxClockSkew the largest difference allowed between a signature timestamp
	 * and the clock, in either direction
	 * @param store de-duplicates by merchant and notification id (in-request processing)
	 * @param publisher publishes the events (in-request processing)
	 * @param lease how long a claim holds while listeners run (in-request processing)
	 * @param timeToLive how long a handled id is remembered (in-request processing)
	 * @param inbox records the notifications for durable processing, or {@code null} to
	 * publish them in the request
	 */
	public ComplaintNotificationHandler(NotificationMerchants merchants, Clock clock, Duration maxClockSkew,
			NotificationDeduplicationStore store, ApplicationEventPublisher publisher, Duration lease,
			Duration timeToLive, @Nullable NotificationInbox inbox) {
		this.inbox = inbox;
		this.merchants = Objects.requireNonNull(merchants, "merchants");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
		this.store = Objects.requireNonNull(store, "store");
		this.publisher = Objects.requireNonNull(publisher, "publisher");
		this.lease = Objects.requireNonNull(lease, "lease");
		this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
		// A negative skew fails here rather than on the first delivery.
		new WechatPaySignatureValidator(NotificationRoute.bySerial(merchants), clock, maxClockSkew);
	}

	/**
	 * Handles one delivery to the shared path, where the {@code Wechatpay-Serial} header
	 * names the merchant.
	 * @param headers the signature headers
	 * @param body the raw body bytes, exactly as received
	 * @return whether the notification was handled now or had been handled before
	 * @throws NotificationRejectedException when the delivery is refused (a serial of no
	 * merchant: {@link NotificationRejection#UNKNOWN_SERIAL}) or handling failed
	 */
	public Outcome handle(SignedHeaders headers, byte[] body) {
		return handleDelivery(null, headers, body).outcome();
	}

	/**
	 * Handles one delivery to the path of one merchant: only that merchant's keys verify
	 * it.
	 * @param merchantName the merchant's entry name, from the path
	 * @param headers the signature headers
	 * @param body the raw body bytes, exactly as received
	 * @return whether the notification was handled now or had been handled before
	 * @throws NotificationRejectedException when the delivery is refused (an unknown
	 * name: {@link NotificationRejection#UNKNOWN_MERCHANT}; a serial of another merchant:
	 * {@link NotificationRejection#SERIAL_OF_ANOTHER_MERCHANT}) or handling failed
	 */
	public Outcome handle(String merchantName, SignedHeaders headers, byte[] body) {
		return handleDelivery(merchantName, headers, body).outcome();
	}

	/**
	 * Finds a merchant by its entry name, as its path names it.
	 * @param merchantName the entry name
	 * @return the merchant
	 * @throws NotificationRejectedException with
	 * {@link NotificationRejection#UNKNOWN_MERCHANT} when no merchant has the name
	 */
	public NotificationMerchant requireMerchant(String merchantName) {
		return this.merchants.byName(merchantName).orElseThrow(() -> unknownMerchant(merchantName));
	}

	/**
	 * Checks that a merchant is configured under an entry name, without building it (no
	 * key file is read): cheap enough for an event-loop thread.
	 * @param merchantName the entry name
	 * @return the entry name
	 * @throws NotificationRejectedException with
	 * {@link NotificationRejection#UNKNOWN_MERCHANT} when no merchant has the name
	 * @since 0.1.0
	 */
	public String requireMerchantName(String merchantName) {
		if (!this.merchants.has(merchantName)) {
			throw unknownMerchant(merchantName);
		}
		return merchantName;
	}

	/**
	 * Whether {@link #verifyDelivery} would read no file and build nothing for a
	 * delivery: its merchant is set up ({@link NotificationMerchants#isReady}).
	 * @param merchantName the entry name from the merchant's path, or {@code null} for
	 * the shared path
	 * @param headers the signature headers
	 * @return {@code true} when verifying it is CPU work alone
	 * @since 0.1.0
	 */
	public boolean canVerifyWithoutBlocking(@Nullable String merchantName, SignedHeaders headers) {
		return this.merchants.isReady(merchantName, headers.serial());
	}

	private static NotificationRejectedException unknownMerchant(String merchantName) {
		return new NotificationRejectedException(NotificationRejection.UNKNOWN_MERCHANT,
				"No merchant is configured under the name '" + UntrustedText.forLog(merchantName) + "'");
	}

	/**
	 * Handles one delivery and tells which merchant it was for.
	 * @param merchantName the entry name from the merchant's path, or {@code null} for
	 * the shared path
	 * @param headers the signature headers
	 * @param body the raw body bytes, exactly as received
	 * @return the outcome and the merchant
	 * @throws NotificationRejectedException as
	 * {@link #handle(String, SignedHeaders, byte[])} and
	 * {@link #handle(SignedHeaders, byte[])}; refused after its signature was verified,
	 * it names the merchant
	 */
	public Handled handleDelivery(@Nullable String merchantName, SignedHeaders headers, byte[] body) {
		return deliver(verifyDelivery(merchantName, headers, body));
	}

	/**
	 * The first half of {@link #handleDelivery}: finds the merchant, verifies the
	 * signature, decrypts and reads the notification. It touches no de-duplication store,
	 * inbox or listener, so when the merchant is set up
	 * ({@link NotificationMerchants#isReady}) it is CPU work alone.
	 * @param merchantName the entry name from the merchant's path, or {@code null} for
	 * the shared path
	 * @param headers the signature headers
	 * @param body the raw body bytes, exactly as received
	 * @return the verified notification and its merchant
	 * @throws NotificationRejectedException as {@link #handleDelivery}
	 * @since 0.1.0
	 */
	public Verified verifyDelivery(@Nullable String merchantName, SignedHeaders headers, byte[] body) {
		NotificationRoute route = (merchantName != null)
				? NotificationRoute.toMerchant(requireMerchant(merchantName), this.merchants)
				: NotificationRoute.bySerial(this.merchants);
		try {
			verify(route, headers, body);
			NotificationMerchant signer = route.signer();
			return new Verified(this.parser.parse(body, signer), signer.name());
		}
		catch (NotificationRejectedException ex) {
			// Refused once a merchant's key was found (a bad signature, a failed
			// decryption): that merchant's refusal.
			NotificationMerchant signer = route.findSigner();
			throw (signer != null) ? ex.forMerchant(signer.name()) : ex;
		}
	}

	/**
	 * The second half of {@link #handleDelivery}: claims the notification id (or records
	 * the notification in the inbox), publishes the event and marks the id done. May
	 * block.
	 * @param verified what {@link #verifyDelivery} returned
	 * @return the outcome and the merchant
	 * @throws NotificationRejectedException naming the merchant, as
	 * {@link #handleDelivery}
	 * @since 0.1.0
	 */
	public Handled deliver(Verified verified) {
		try {
			return new Handled(handleVerified(verified.notification()), verified.merchantName());
		}
		catch (NotificationRejectedException ex) {
			throw ex.forMerchant(verified.merchantName());
		}
	}

	private Outcome handleVerified(ComplaintNotification notification) {
		if (this.inbox != null) {
			return record(this.inbox, notification);
		}
		NotificationClaim claim = claim(notification);
		if (claim.status() == NotificationClaim.Status.DUPLICATE) {
			if (logger.isDebugEnabled()) {
				logger.debug(notification + " was handled before");
			}
			return Outcome.DUPLICATE;
		}
		if (claim.status() == NotificationClaim.Status.IN_PROGRESS) {
			throw new NotificationRejectedException(NotificationRejection.NOTIFICATION_IN_PROGRESS,
					notification + " is being handled by another delivery");
		}
		try {
			this.publisher.publishEvent(notification.toEvent());
		}
		catch (RuntimeException ex) {
			NotificationRejectedException rejected = new NotificationRejectedException(
					NotificationRejection.LISTENER_FAILED,
					"A listener failed on " + notification + "; WeChat Pay will deliver it again", ex);
			try {
				this.store.release(claim);
			}
			catch (RuntimeException releaseFailure) {
				rejected.addSuppressed(releaseFailure);
			}
			throw rejected;
		}
		markDone(claim, notification);
		if (logger.isDebugEnabled()) {
			logger.debug("Handled " + notification);
		}
		return Outcome.HANDLED;
	}

	private static Outcome record(NotificationInbox inbox, ComplaintNotification notification) {
		boolean recorded;
		try {
			recorded = inbox.record(notification);
		}
		catch (RuntimeException ex) {
			// As a de-duplication store outage: a rate-limited refusal, and WeChat Pay
			// delivers the notification again.
			throw new NotificationRejectedException(NotificationRejection.STORE_UNAVAILABLE,
					"The inbox could not record complaint notification " + notification.id() + " ("
							+ ex.getClass().getSimpleName() + "); WeChat Pay will deliver it again",
					ex);
		}
		if (logger.isDebugEnabled()) {
			logger.debug((recorded ? "Recorded " : "Recorded before: ") + notification);
		}
		return recorded ? Outcome.HANDLED : Outcome.DUPLICATE;
	}

	// A validator per delivery, since the route remembers whose key verified it: three
	// fields, nothing to cache.
	private void verify(NotificationRoute route, SignedHeaders headers, byte[] body) {
		try {
			new WechatPaySignatureValidator(route, this.clock, this.maxClockSkew).validate(headers, body);
		}
		catch (SignatureVerificationException ex) {
			throw new NotificationRejectedException(rejection(ex.getReason()), ex.getMessage());
		}
	}

	private NotificationClaim claim(ComplaintNotification notification) {
		try {
			return this.store.claim(NotificationDeduplicationKey.of(notification.merchantId(), notification.id()),
					this.lease);
		}
		catch (RuntimeException ex) {
			// An outage fails every delivery: a rate-limited refusal, not a stack trace
			// per notification.
			throw new NotificationRejectedException(NotificationRejection.STORE_UNAVAILABLE,
					"The de-duplication store could not claim complaint notification " + notification.id() + " ("
							+ ex.getClass().getSimpleName() + "); WeChat Pay will deliver it again",
					ex);
		}
	}

	private void markDone(NotificationClaim claim, ComplaintNotification notification) {
		// The listeners succeeded: whatever happens here, the delivery is answered as
		// handled.
		try {
			if (!this.store.markDone(claim, this.timeToLive)) {
				logger.warn("The claim on complaint notification " + notification.id() + " ran out (lease " + this.lease
						+ ", merchant " + notification.merchantName()
						+ ") before its listeners finished; another delivery may have been handled too");
			}
		}
		catch (RuntimeException ex) {
			logger.error("Complaint notification " + notification.id() + " was handled but could not be marked "
					+ "done (merchant " + notification.merchantName()
					+ "); a later delivery may be handled again once its claim expires", ex);
		}
	}

	private static NotificationRejection rejection(SignatureVerificationException.Reason reason) {
		switch (reason) {
			case MISSING_HEADER:
				return NotificationRejection.MISSING_SIGNATURE_HEADER;
			case MALFORMED_HEADER:
				return NotificationRejection.MALFORMED_SIGNATURE_HEADER;
			case TIMESTAMP_OUT_OF_WINDOW:
				return NotificationRejection.TIMESTAMP_OUT_OF_WINDOW;
			case UNKNOWN_SERIAL:
				return NotificationRejection.UNKNOWN_SERIAL;
			case SIGNATURE_PROBE:
				return NotificationRejection.SIGNATURE_PROBE;
			default:
				return NotificationRejection.INVALID_SIGNATURE;
		}
	}

	/**
	 * A notification whose signature was verified and whose resource was decrypted, not
	 * yet de-duplicated or published.
	 *
	 * @param notification the notification
	 * @param merchantName the entry name of the merchant whose key verified it
	 * @since 0.1.0
	 */
	public record Verified(ComplaintNotification notification, String merchantName) {
	}

	/**
	 * An accepted delivery: how it ended, and the merchant it was for.
	 *
	 * @param outcome how it ended
	 * @param merchantName the entry name of the merchant whose key verified it
	 */
	public record Handled(Outcome outcome, String merchantName) {
	}

	/**
	 * How a delivery ended when it was accepted.
	 */
	public enum Outcome {

		/**
		 * Listeners ran for this delivery (in-request processing), or it was recorded in
		 * the inbox (durable processing).
		 */
		HANDLED,

		/**
		 * The notification had been handled (or recorded) before; no event was published.
		 */
		DUPLICATE

	}

}
