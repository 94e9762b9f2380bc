package io.github.wechatpaycomplaint.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintDeadlineAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintReconciliationAutoConfiguration;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.reconciliation.ComplaintReconciler;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger fed by reconciliation and by the typed client against a WeChat Pay stand-in:
 * a complaint learned only from reconciliation is watched, a reply made through another
 * system (seen as PROCESSING) stops its first-reply clock, and a reply or completion
 * through the client does too.
 */
class DeadlineFeedingTests {

	private static final String LIST = "/v3/merchant-service/complaints-v2";

	private static final String ID = "200000020261120101522000001";

	// WeChat Pay's answers are signed now and checked against the clock: the complaint
	// was
	// filed an hour ago, every call is made before the clock is moved on.
	private static final Instant FILED = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final MutableClock clock = new MutableClock(FILED.plus(Duration.ofHours(1)));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
				ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
				ComplaintReconciliationAutoConfiguration.class, ComplaintDeadlineAutoConfiguration.class))
		.withPropertyValues(this.wechatPay.publicKeyModeProperties())
		.withPropertyValues("wechatpay.complaint.reconciliation.enabled=true",
				"wechatpay.complaint.reconciliation.initial-delay=1h",
				"wechatpay.complaint.client.rate-limit.enabled=false", "wechatpay.complaint.deadlines.enabled=true",
				"wechatpay.complaint.deadlines.check-interval=1h")
		.withBean(MutableClock.class, () -> this.clock)
		.withBean(DeadlineRecorder.class);

	@Test
	void aComplaintLearnedFromReconciliationIsWatched() {
		listComplaint("PENDING");
		this.contextRunner.run((context) -> {
			reconcile(context);
			this.clock.set(FILED.plus(Duration.ofHours(20)));
			scan(context);
			assertThat(context.getBean(DeadlineRecorder.class).describe())
				.containsExactly("FirstReplyDueSoonEvent:" + ID);
			assertThat(context.getBean(ComplaintDeadlines.class).find("default", ID)).hasValueSatisfying((status) -> {
				assertThat(status.ref().merchantId()).isEqualTo(WechatPayStandIn.MCHID);
				assertThat(status.firstReplyDeadline()).isEqualTo(FILED.plus(Duration.ofHours(24)));
			});
		});
	}

	@Test
	void aReplyThroughAnotherSystemLearnedFromReconciliationStopsTheFirstReplyClock() {
		listComplaint("PENDING");
		this.contextRunner.run((context) -> {
			reconcile(context);
			listComplaint("PROCESSING");
			reconcile(context);
			this.clock.set(FILED.plus(Duration.ofHours(30)));
			scan(context);
			assertThat(context.getBean(DeadlineRecorder.class).events).isEmpty();
			assertThat(context.getBean(ComplaintDeadlines.class).find("default", ID))
				.hasValueSatisfying((status) -> assertThat(status.firstReplyDeadline()).isNull());
		});
	}

	@Test
	void theClientsDetailReadReplyAndCompletionReachTheLedger() {
		this.wechatPay.stub(get(urlPathEqualTo(LIST + "/" + ID))
			.willReturn(this.wechatPay.signedAnswer(200, complaint("PENDING"))));
		this.wechatPay
			.stub(post(urlPathEqualTo(LIST + "/" + ID + "/response")).willReturn(this.wechatPay.signedAnswer(204, "")));
		this.wechatPay
			.stub(post(urlPathEqualTo(LIST + "/" + ID + "/complete")).willReturn(this.wechatPay.signedAnswer(204, "")));
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			WechatPayComplaintClient client = context.getBean(WechatPayComplaintClient.class);
			ComplaintLedger ledger = context.getBean(ComplaintLedger.class);
			client.getComplaint(ID);
			assertThat(ledger.find("default", ID)).hasValueSatisfying((tracked) -> {
				assertThat(tracked.roundStart()).isEqualTo(FILED);
				assertThat(tracked.isAwaitingFirstReply()).isTrue();
			});
			this.clock.advance(Duration.ofMinutes(1));
			client.reply(ID, ComplaintReply.builder(WechatPayStandIn.MCHID, "已处理").build());
			assertThat(ledger.find("default", ID).orElseThrow().firstReplyAt())
				.isEqualTo(FILED.plus(Duration.ofMinutes(61)));
			this.clock.advance(Duration.ofMinutes(1));
			client.complete(ID, WechatPayStandIn.MCHID);
			assertThat(ledger.find("default", ID).orElseThrow().completedAt())
				.isEqualTo(FILED.plus(Duration.ofMinutes(62)));
			assertThat(context.getBean(ComplaintDeadlines.class).urgent(10)).isEmpty();
		});
	}

	private void listComplaint(String state) {
		String body = "{\"data\":[" + complaint(state) + "],\"limit\":50,\"offset\":0,\"total_count\":1}";
		this.wechatPay.stub(get(urlPathEqualTo(LIST)).willReturn(this.wechatPay.signedAnswer(200, body)));
	}

	private static String complaint(String state) {
		return "{\"complaint_id\":\"" + ID + "\",\"complaint_time\":\""
				+ DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(FILED, ZoneOffset.ofHours(8)))
				+ "\"," + "\"complaint_detail\":\"Charged twice\",\"complaint_state\":\"" + state + "\","
				+ "\"complainted_mchid\":\"1900000001\",\"complaint_full_refunded\":false,"
				+ "\"incoming_user_response\":false,\"problem_description\":\"重复扣款\",\"user_complaint_times\":1}";
	}

	private static void reconcile(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		assertThat(context.getBean(ComplaintReconciler.class).reconcile().listed()).isOne();
	}

	private static void scan(AssertableApplicationContext context) {
		context.getBean(DeadlineWatcher.class).scan();
	}

}
