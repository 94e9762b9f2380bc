package io.github.wechatpaycomplaint.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.reconciliation.ReconciliationFixture.Recorder;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation against a WireMock stand-in: a complaint whose notification was lost is
 * published once, a new state again, a failed listener on the next run, and instances
 * sharing a store publish once in total.
 */
class ComplaintReconciliationTests {

	private static final String ID = "200000020261120101522000001";

	@AutoClose
	private final WechatPayStandIn wechatPay = new WechatPayStandIn();

	private final ApplicationContextRunner contextRunner = ReconciliationFixture.contextRunner(this.wechatPay);

	@Test
	void publishesALostComplaintOnceAndEachNewStateAgain() {
		ReconciliationFixture.listComplaints(this.wechatPay, ReconciliationFixture.complaint(ID, "PENDING", 1));
		this.contextRunner.run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			assertThat(ReconciliationFixture.reconcile(context)).isEqualTo(new ReconciliationResult(true, 1, 1, 0));
			assertThat(ReconciliationFixture.reconcile(context)).isEqualTo(new ReconciliationResult(true, 1, 0, 0));
			assertThat(recorder.events).hasSize(1);
			assertThat(recorder.events.get(0).getComplaintId()).isEqualTo(ID);
			assertThat(recorder.events.get(0).getComplaintState().name()).isEqualTo("PENDING");
			assertThat(recorder.events.get(0).getMerchantName()).isEqualTo("default");
			assertThat(recorder.events.get(0).getMerchantId())
				.isEqualTo(context.getBean(WechatPayMerchant.class).getMerchantId());
			ReconciliationFixture.listComplaints(this.wechatPay, ReconciliationFixture.complaint(ID, "PROCESSING", 1));
			ReconciliationFixture.reconcile(context);
			ReconciliationFixture.listComplaints(this.wechatPay, ReconciliationFixture.complaint(ID, "PROCESSING", 2));
			ReconciliationFixture.reconcile(context);
			assertThat(recorder.events)
				.extracting(
						(event) -> event.getComplaintState().name() + "/" + event.getComplaint().userComplaintTimes())
				.containsExactly("PENDING/1", "PROCESSING/1", "PROCESSING/2");
			assertThat(recorder.events.get(0).toString()).contains(ID).doesNotContain("Charged twice");
		});
	}

	@Test
	void publishesAgainOnTheNextRunWhenAListenerFailed() {
		ReconciliationFixture.listComplaints(this.wechatPay, ReconciliationFixture.complaint(ID, "PENDING", 1),
				ReconciliationFixture.complaint("200000020261120101522000002", "PENDING", 1));
		this.contextRunner.run((context) -> {
			Recorder recorder = context.getBean(Recorder.class);
			recorder.failuresToThrow = 1;
			assertThat(ReconciliationFixture.reconcile(context)).isEqualTo(new ReconciliationResult(true, 2, 1, 1));
			assertThat(ReconciliationFixture.reconcile(context)).isEqualTo(new ReconciliationResult(true, 2, 1, 0));
			assertThat(recorder.events).extracting(ComplaintReconciledEvent::getComplaintId)
				.containsExactlyInAnyOrder(ID, "200000020261120101522000002");
		});
	}

	@Test
	void listsTheLookBackWindowInChinaDates() {
		// 2026-11-22T17:00Z is already 2026-11-23 in China; the answer is signed at that
		// time too.
		Instant now = Instant.parse("2026-11-22T17:00:00Z");
		String body = "{\"data\":[],\"limit\":50,\"offset\":0,\"total_count\":0}";
		this.wechatPay
			.stub(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(ReconciliationFixture.LIST))
				.willReturn(WechatPayStandIn.answer(200, body,
						this.wechatPay.signer().answerHeaders(body, now.getEpochSecond()))));
		this.contextRunner.withBean(Clock.class, () -> Clock.fixed(now, ZoneOffset.UTC))
			.withPropertyValues("wechatpay.complaint.reconciliation.look-back-days=7")
			.run((context) -> {
				ReconciliationFixture.reconcile(context);
				assertThat(this.wechatPay.server()
					.findAll(getRequestedFor(urlPathEqualTo(ReconciliationFixture.LIST)))
					.get(0)
					.getUrl()).contains("begin_date=2026-11-17").contains("end_date=2026-11-23");
			});
	}

	@Test
	void twoInstancesSharingADatabasePublishOnceInTotal() {
		ReconciliationFixture.listComplaints(this.wechatPay, ReconciliationFixture.complaint(ID, "PENDING", 1));
		ApplicationContextRunner instance = this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.withPropertyValues(
					"spring.datasource.url=jdbc:h2:mem:reconciliation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"wechatpay.complaint.notification.deduplication.store=jdbc",
					"wechatpay.complaint.notification.deduplication.jdbc.initialize-schema=true");
		ReconciliationFixture.assertTwoInstancesPublishOnceInTotal(instance);
	}

	@Test
	void theSchedulerRunsTheJobOnItsOwn() {
		ReconciliationFixture.listComplaints(this.wechatPay, ReconciliationFixture.complaint(ID, "PENDING", 1));
		this.contextRunner
			.withPropertyValues("wechatpay.complaint.reconciliation.initial-delay=0s",
					"wechatpay.complaint.reconciliation.interval=100ms")
			.run((context) -> {
				Recorder recorder = context.getBean(Recorder.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> recorder.events.size() == 1);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> this.wechatPay.server()
						.findAll(getRequestedFor(urlPathEqualTo(ReconciliationFixture.LIST)))
						.size() >= 3);
				assertThat(recorder.events).hasSize(1);
			});
	}

	@Test
	void isOffByDefaultAndCreatesTheStoreWithoutAWebEndpoint() {
		this.contextRunner.withPropertyValues("wechatpay.complaint.reconciliation.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ComplaintReconciler.class)
				.doesNotHaveBean(ReconciliationScheduler.class));
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(NotificationDeduplicationStore.class)
			.hasSingleBean(ComplaintReconciler.class)
			.hasSingleBean(ReconciliationScheduler.class));
	}

}
