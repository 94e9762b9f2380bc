package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintDeadlineAutoConfiguration;
import io.github.wechatpaycomplaint.deadline.event.PlatformServiceRequestedEvent;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications posted to the endpoint feed the ledger end to end: filing starts the
 * clocks, the merchant's reply stops the first-reply clock, completion every clock, a
 * reopening starts a new round, and a request for platform help is announced once.
 */
class NotificationDeadlineTests {

	private static final long NOW = 1_749_776_561L;

	private static final OffsetDateTime FILED = OffsetDateTime.parse("2025-06-13T09:02:41+08:00");

	private final MutableClock clock = MutableClock.atEpochSecond(NOW);

	@Test
	void notificationsStartAndStopTheClocks() {
		run((context, mockMvc) -> {
			post(mockMvc, "COMPLAINT.CREATE", "CREATE_COMPLAINT", "c1", FILED);
			post(mockMvc, "COMPLAINT.CREATE", "CREATE_COMPLAINT", "c2", FILED);
			post(mockMvc, "COMPLAINT.STATE_CHANGE", "MERCHANT_RESPONSE", "c2", FILED.plusMinutes(30));
			post(mockMvc, "COMPLAINT.CREATE", "CREATE_COMPLAINT", "c3", FILED);
			post(mockMvc, "COMPLAINT.STATE_CHANGE", "MERCHANT_CONFIRM_COMPLETE", "c3", FILED.plusMinutes(40));
			ComplaintDeadlines deadlines = context.getBean(ComplaintDeadlines.class);
			assertThat(deadlines.urgent(10)).extracting((status) -> status.ref().complaintId())
				.containsExactly("c1", "c2");
			assertThat(deadlines.summaries()).hasEntrySatisfying("default", (summary) -> {
				assertThat(summary.open()).isEqualTo(2);
				assertThat(summary.awaitingFirstReply()).isOne();
				assertThat(summary.overdue()).isZero();
			});
			this.clock.set(FILED.toInstant().plus(Duration.ofHours(24)));
			context.getBean(DeadlineWatcher.class).scan();
			assertThat(context.getBean(DeadlineRecorder.class).describe()).containsExactly("FirstReplyOverdueEvent:c1");
			assertThat(deadlines.summaries().get("default").overdue()).isOne();
		});
	}

	@Test
	void aReopenedComplaintIsTimedAgainFromItsReopening() {
		run((context, mockMvc) -> {
			post(mockMvc, "COMPLAINT.CREATE", "CREATE_COMPLAINT", "c1", FILED);
			post(mockMvc, "COMPLAINT.STATE_CHANGE", "MERCHANT_RESPONSE", "c1", FILED.plusMinutes(10));
			post(mockMvc, "COMPLAINT.STATE_CHANGE", "MERCHANT_CONFIRM_COMPLETE", "c1", FILED.plusMinutes(20));
			post(mockMvc, "COMPLAINT.STATE_CHANGE", "CONTINUE_COMPLAINT", "c1", FILED.plusMinutes(30));
			TrackedComplaint reopened = context.getBean(ComplaintLedger.class).find("default", "c1").orElseThrow();
			assertThat(reopened.round()).isEqualTo(2);
			assertThat(reopened.isAwaitingFirstReply()).isTrue();
			assertThat(reopened.firstReplyDeadline(DeadlineRules.WECHAT_PAY))
				.isEqualTo(FILED.plusMinutes(30).plusHours(24).toInstant());
		});
	}

	@Test
	void aRequestForPlatformHelpIsAnnouncedOnce() {
		run((context, mockMvc) -> {
			post(mockMvc, "COMPLAINT.CREATE", "CREATE_COMPLAINT", "c1", FILED);
			post(mockMvc, "COMPLAINT.STATE_CHANGE", "USER_APPLY_PLATFORM_SERVICE", "c1", FILED.plusHours(2));
			post(mockMvc, "COMPLAINT.STATE_CHANGE", "USER_APPLY_PLATFORM_SERVICE", "c1", FILED.plusHours(3));
			DeadlineRecorder recorder = context.getBean(DeadlineRecorder.class);
			assertThat(recorder.events).singleElement()
				.isInstanceOfSatisfying(PlatformServiceRequestedEvent.class, (event) -> {
					assertThat(event.getComplaintId()).isEqualTo("c1");
					assertThat(event.getMerchantName()).isEqualTo("default");
					assertThat(event.getDeadline()).isEqualTo(FILED.plusHours(72).toInstant());
				});
			assertThat(context.getBean(ComplaintDeadlines.class)
				.find("default", "c1")
				.orElseThrow()
				.platformServiceRequested()).isTrue();
		});
	}

	@Test
	void withoutTheFlagNothingIsTracked() {
		NotificationContexts.webRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintDeadlineAutoConfiguration.class))
			.withBean(MutableClock.class, () -> this.clock)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(ComplaintLedger.class)
					.doesNotHaveBean(ComplaintLedgerFeeder.class);
			});
	}

	private void run(ContextTest test) {
		NotificationContexts.webRunner()
			.withConfiguration(AutoConfigurations.of(ComplaintDeadlineAutoConfiguration.class))
			.withPropertyValues("wechatpay.complaint.deadlines.enabled=true",
					"wechatpay.complaint.deadlines.check-interval=1h")
			.withBean(MutableClock.class, () -> this.clock)
			.withBean(DeadlineRecorder.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				test.accept(context, MockMvcBuilders.webAppContextSetup(context).build());
			});
	}

	private static void post(MockMvc mockMvc, String eventType, String actionType, String complaintId,
			OffsetDateTime createTime) throws Exception {
		SignedNotificationBuilder builder = NotificationContexts.notificationWithVectorKeys(NOW)
			.id(UUID.randomUUID().toString())
			.eventType(eventType)
			.actionType(actionType)
			.complaintId(complaintId)
			.createTime(createTime);
		int status = mockMvc.perform(NotificationContexts.post(builder.build())).andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(204);
	}

	@FunctionalInterface
	interface ContextTest {

		void accept(AssertableWebApplicationContext context, MockMvc mockMvc) throws Exception;

	}

}
