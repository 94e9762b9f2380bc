package io.github.wechatpaycomplaint.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.github.wechatpaycomplaint.crypto.SignatureVerificationException;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.VerificationKeyResolver;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotification;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Handles one delivery of a complaint notification, independent of the web framework:
 * verify the signature on the raw bytes, parse and decrypt, claim the id, publish the
 * event synchronously, then mark the id done. A listener failure releases the claim and
 * is reported, so that WeChat Pay's next delivery is handled.
 *
 * @since 0.1.0
 */
public final class ComplaintNotificationHandler {

	private static final Log logger = LogFactory.getLog(ComplaintNotificationHandler.class);

	private final WechatPaySignatureValidator validator;

	private final NotificationParser parser;

	private final NotificationDeduplicationStore store;

	private final ApplicationEventPublisher publisher;

	private final Duration lease;

	private final Duration timeToLive;

	/**
	 * Creates a handler.
	 * @param verificationKeys the WeChat Pay keys that verify the signature headers;
	 * their lookup should not wait for a download, since anyone can send a notification
	 * @param clock the clock for the timestamp window
	 * @param maxClockSkew how far a notification's timestamp may be from the clock
	 * @param parser parses and decrypts the body
	 * @param store de-duplicates by notification id
	 * @param publisher publishes the events
	 * @param lease how long a claim holds while listeners run
	 * @param timeToLive how long a handled id is remembered
	 */
	public ComplaintNotificationHandler(VerificationKeyResolver verificationKeys, Clock clock, Duration maxClockSkew,
			NotificationParser parser, NotificationDeduplicationStore store, ApplicationEventPublisher publisher,
			Duration lease, Duration timeToLive) {
		this.validator = new WechatPaySignatureValidator(Objects.requireNonNull(verificationKeys, "verificationKeys"),
				Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(maxClockSkew, "maxClockSkew"));
		this.parser = Objects.requireNonNull(parser, "parser");
		this.store = Objects.requireNonNull(store, "store");
		this.publisher = Objects.requireNonNull(publisher, "publisher");
		this.lease = Objects.requireNonNull(lease, "lease");
		this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
	}

	/**
	 * Handles one delivery.
	 * @param headers the signature headers
	 * @param body the raw body bytes, exactly as received
	 * @return whether the notification was handled now or had been handled before
	 * @throws NotificationRejectedException when the delivery is refused or handling
	 * failed
	 */
	public Outcome handle(SignedHeaders headers, byte[] body) {
		verify(headers, body);
		ComplaintNotification notification = this.parser.parse(body);
		NotificationClaim claim = claim(notification);
		if (claim.status() == NotificationClaim.Status.DUPLICATE) {
			if (logger.isDebugEnabled()) {
				logger.debug("Complaint notification " + notification.id() + " was handled before");
			}
			return Outcome.DUPLICATE;
		}
		if (claim.status() == NotificationClaim.Status.IN_PROGRESS) {
			throw new NotificationRejectedException(NotificationRejection.NOTIFICATION_IN_PROGRESS,
					"Complaint notification " + notification.id() + " is being handled by another delivery");
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
		markDone(claim);
		if (logger.isDebugEnabled()) {
			logger.debug("Handled " + notification);
		}
		return Outcome.HANDLED;
	}

	private NotificationClaim claim(ComplaintNotification notification) {
		try {
			return this.store.claim(notification.id(), this.lease);
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

	private void markDone(NotificationClaim claim) {
		// The listeners succeeded: whatever happens here, the delivery is answered as
		// handled.
		try {
			if (!this.store.markDone(claim, this.timeToLive)) {
				logger.warn("The claim on complaint notification " + claim.notificationId() + " ran out (lease "
						+ this.lease + ") before its listeners finished; another delivery may have been handled too");
			}
		}
		catch (RuntimeException ex) {
			logger.error("Complaint notification " + claim.notificationId() + " was handled but could not be marked "
					+ "done; a later delivery may be handled again once its claim expires", ex);
		}
	}

	private void verify(SignedHeaders headers, byte[] body) {
		try {
			this.validator.validate(headers, body);
		}
		catch (SignatureVerificationException ex) {
			throw new NotificationRejectedException(rejection(ex.getReason()), ex.getMessage());
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
	 * How a delivery ended when it was accepted.
	 */
	public enum Outcome {

		/** Listeners ran for this delivery. */
		HANDLED,

		/** The notification had been handled before; no event was published. */
		DUPLICATE

	}

}
