package io.github.wechatpaycomplaint.notification;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link NotificationDeduplicationStore#claim}: the id, the status and, for
 * a successful claim, the token that proves ownership when the claim is later marked done
 * or released.
 *
 * @param notificationId the notification id
 * @param status the outcome
 * @param token the owner token of a {@link Status#CLAIMED} claim, {@code null} otherwise
 * @since 0.1.0
 */
public record NotificationClaim(String notificationId, Status status, @Nullable String token) {

	public NotificationClaim {
		Objects.requireNonNull(notificationId, "notificationId");
		Objects.requireNonNull(status, "status");
		if ((status == Status.CLAIMED) != (token != null)) {
			throw new IllegalArgumentException("A token is required for, and only for, a CLAIMED claim");
		}
	}

	/**
	 * A successful claim with a new random token. The token only tells claimants apart
	 * (it guards no secret), so it comes from a fast non-blocking generator rather than
	 * {@code SecureRandom}.
	 * @param notificationId the notification id
	 * @return the claim
	 */
	public static NotificationClaim claimed(String notificationId) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new NotificationClaim(notificationId, Status.CLAIMED,
				new UUID(random.nextLong(), random.nextLong()).toString());
	}

	/**
	 * A refused claim.
	 * @param notificationId the notification id
	 * @param status {@link Status#DUPLICATE} or {@link Status#IN_PROGRESS}
	 * @return the claim
	 */
	public static NotificationClaim refused(String notificationId, Status status) {
		return new NotificationClaim(notificationId, status, null);
	}

	/**
	 * The owner token of a successful claim.
	 * @return the token
	 * @throws IllegalStateException when the claim was refused
	 */
	public String requireToken() {
		if (this.token == null) {
			throw new IllegalStateException("Notification " + this.notificationId + " was not claimed: " + this.status);
		}
		return this.token;
	}

	/**
	 * Outcomes of a claim.
	 */
	public enum Status {

		/** The caller owns the id now and must mark it done or release it. */
		CLAIMED,

		/** The id was handled already. */
		DUPLICATE,

		/** Another delivery of the id is being handled. */
		IN_PROGRESS

	}

}
