package io.github.wechatpaycomplaint.deadline;

import java.time.Instant;
import java.util.Objects;

import io.github.wechatpaycomplaint.model.ComplaintState;

/**
 * Something the starter learned about a complaint, from a notification, from
 * reconciliation or from the complaint client. Facts are merged into a
 * {@link TrackedComplaint} in any order and any number of times.
 *
 * @since 0.1.0
 */
public sealed interface ComplaintFact {

	/**
	 * When it happened (or, for {@link Observed}, when it was seen).
	 * @return the instant
	 */
	Instant at();

	/**
	 * The user filed the complaint.
	 *
	 * @param at when it was filed
	 */
	record Filed(Instant at) implements ComplaintFact {

		public Filed {
			Objects.requireNonNull(at, "at");
		}

	}

	/**
	 * The user continued (reopened) the complaint ({@code CONTINUE_COMPLAINT}): a new
	 * round with new first-reply and resolution clocks starts.
	 *
	 * @param at when it was reopened
	 */
	record Continued(Instant at) implements ComplaintFact {

		public Continued {
			Objects.requireNonNull(at, "at");
		}

	}

	/**
	 * The merchant replied to the user.
	 *
	 * @param at when
	 */
	record MerchantReplied(Instant at) implements ComplaintFact {

		public MerchantReplied {
			Objects.requireNonNull(at, "at");
		}

	}

	/**
	 * The complaint was completed (by the merchant, or found processed).
	 *
	 * @param at when
	 */
	record Completed(Instant at) implements ComplaintFact {

		public Completed {
			Objects.requireNonNull(at, "at");
		}

	}

	/**
	 * The user asked WeChat Pay to step in ({@code USER_APPLY_PLATFORM_SERVICE}).
	 *
	 * @param at when
	 */
	record PlatformServiceRequested(Instant at) implements ComplaintFact {

		public PlatformServiceRequested {
			Objects.requireNonNull(at, "at");
		}

	}

	/**
	 * The complaint as listed by reconciliation or read by the client: its filing time
	 * and state. {@code PROCESSING} means the merchant replied (at the latest when seen),
	 * {@code PROCESSED} that it is completed.
	 *
	 * @param filedAt when it was filed
	 * @param state its state
	 * @param at when it was seen
	 */
	record Observed(Instant filedAt, ComplaintState state, Instant at) implements ComplaintFact {

		public Observed {
			Objects.requireNonNull(filedAt, "filedAt");
			Objects.requireNonNull(state, "state");
			Objects.requireNonNull(at, "at");
		}

	}

}
