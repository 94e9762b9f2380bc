package io.github.wechatpaycomplaint.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.notification.ComplaintNotificationHandler.Outcome;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why the starter refuses a de-duplication time to live shorter than twice the
 * notification clock skew plus the lease: a captured notification replayed after its id
 * was forgotten, but still inside the accepted timestamp window (from the skew before to
 * the skew after its timestamp), is handled a second time.
 */
class DeduplicationTimeToLiveReplayTests {

	private static final long NOW = 1_749_776_561L;

	private static final Duration SKEW = Duration.ofMinutes(5);

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final Duration SHORT_LEASE = Duration.ofSeconds(1);

	@Test
	void aTimeToLiveShorterThanTheClockSkewHandlesAReplayTwice() {
		assertThat(replay(NOW, Duration.ofMinutes(2), Duration.ofMinutes(1))).containsExactly(Outcome.HANDLED,
				Outcome.HANDLED);
	}

	@Test
	void aTimeToLiveOfOnceTheClockSkewPlusLeaseHandlesAReplayTwiceWhenTheFirstDeliveryCameEarly() {
		// First delivered when the local clock was the skew behind the timestamp,
		// replayed just before it is the
		// skew ahead: almost twice the skew later.
		Duration gap = SKEW.multipliedBy(2).minusSeconds(1);
		assertThat(replay(NOW - SKEW.toSeconds(), gap, SKEW.plus(SHORT_LEASE))).containsExactly(Outcome.HANDLED,
				Outcome.HANDLED);
	}

	@Test
	void aTimeToLiveOfTwiceTheClockSkewPlusLeaseRefusesTheReplay() {
		Duration gap = SKEW.multipliedBy(2).minusSeconds(1);
		assertThat(replay(NOW - SKEW.toSeconds(), gap, SKEW.multipliedBy(2).plus(SHORT_LEASE)))
			.containsExactly(Outcome.HANDLED, Outcome.DUPLICATE);
	}

	// Delivers a notification signed at NOW when the local clock reads firstDelivery, and
	// again after the gap.
	private List<Outcome> replay(long firstDelivery, Duration gap, Duration timeToLive) {
		List<Outcome> outcomes = new ArrayList<>();
		NotificationContexts.webRunner().run((context) -> {
			MutableClock clock = MutableClock.atEpochSecond(firstDelivery);
			ComplaintNotificationHandler handler = new ComplaintNotificationHandler(
					context.getBean(NotificationMerchants.class), clock, SKEW, new ClockStore(clock), (event) -> {
					}, LEASE, timeToLive);
			SignedNotification captured = NotificationContexts.notificationWithVectorKeys(NOW).id("replayed").build();
			outcomes.add(handle(handler, captured));
			clock.advance(gap);
			outcomes.add(handle(handler, captured));
		});
		return outcomes;
	}

	private static Outcome handle(ComplaintNotificationHandler handler, SignedNotification notification) {
		return handler.handle(SignedHeaders.from(notification.headers()::get), notification.body());
	}

	/**
	 * A store that forgets ids after their time to live by a clock, as the shipped stores
	 * do.
	 */
	private static final class ClockStore implements NotificationDeduplicationStore {

		private final Clock clock;

		private final Map<String, Instant> doneUntil = new ConcurrentHashMap<>();

		ClockStore(Clock clock) {
			this.clock = clock;
		}

		@Override
		public NotificationClaim claim(String notificationId, Duration lease) {
			Instant until = this.doneUntil.get(notificationId);
			if (until != null && until.isAfter(this.clock.instant())) {
				return NotificationClaim.refused(notificationId, NotificationClaim.Status.DUPLICATE);
			}
			return NotificationClaim.claimed(notificationId);
		}

		@Override
		public boolean markDone(NotificationClaim claim, Duration timeToLive) {
			this.doneUntil.put(claim.notificationId(), this.clock.instant().plus(timeToLive));
			return true;
		}

		@Override
		public void release(NotificationClaim claim) {
		}

	}

}
