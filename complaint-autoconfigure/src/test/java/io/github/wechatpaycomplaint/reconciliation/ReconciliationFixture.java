package io.github.wechatpaycomplaint.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintApiAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.autoconfigure.ComplaintReconciliationAutoConfiguration;
import io.github.wechatpaycomplaint.testsupport.WechatPayStandIn;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WeChat Pay stand-in that lists complaints, and application contexts with
 * reconciliation on.
 */
final class ReconciliationFixture {

	static final String LIST = "/v3/merchant-service/complaints-v2";

	private ReconciliationFixture() {
	}

	static ApplicationContextRunner contextRunner(WechatPayStandIn wechatPay) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					ComplaintClientAutoConfiguration.class, ComplaintApiAutoConfiguration.class,
					ComplaintReconciliationAutoConfiguration.class))
			.withPropertyValues(wechatPay.publicKeyModeProperties())
			.withPropertyValues("wechatpay.complaint.reconciliation.enabled=true",
					"wechatpay.complaint.reconciliation.initial-delay=1h",
					"wechatpay.complaint.client.rate-limit.enabled=false")
			.withBean(Recorder.class);
	}

	static void listComplaints(WechatPayStandIn wechatPay, String... complaintsJson) {
		String body = "{\"data\":[" + String.join(",", complaintsJson) + "],\"limit\":50,\"offset\":0,\"total_count\":"
				+ complaintsJson.length + "}";
		wechatPay.stub(get(urlPathEqualTo(LIST)).willReturn(wechatPay.signedAnswer(200, body)));
	}

	static String complaint(String id, String state, int userComplaintTimes) {
		return "{\"complaint_id\":\"" + id + "\",\"complaint_time\":\"2026-11-20T10:15:22+08:00\","
				+ "\"complaint_detail\":\"Charged twice\",\"complaint_state\":\"" + state + "\","
				+ "\"complainted_mchid\":\"1900000001\",\"complaint_full_refunded\":false,"
				+ "\"incoming_user_response\":false,\"problem_description\":\"重复扣款\",\"user_complaint_times\":"
				+ userComplaintTimes + "}";
	}

	static ReconciliationResult reconcile(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(ComplaintReconciler.class).reconcile();
	}

	/** Runs reconciliation at the same moment in several instances. */
	static void reconcileTogether(List<AssertableApplicationContext> contexts) {
		List<CompletableFuture<ReconciliationResult>> runs = contexts.stream()
			.map((context) -> CompletableFuture.supplyAsync(() -> reconcile(context)))
			.toList();
		runs.forEach(CompletableFuture::join);
	}

	/**
	 * Two instances sharing what the runner configures reconcile twice at the same
	 * moment: the complaint WeChat lists is published once between them.
	 */
	static void assertTwoInstancesPublishOnceInTotal(ApplicationContextRunner instance) {
		runTogether(instance, 2, (contexts) -> {
			reconcileTogether(contexts);
			reconcileTogether(contexts);
			int published = contexts.stream()
				.mapToInt((context) -> context.getBean(Recorder.class).events.size())
				.sum();
			assertThat(published).isEqualTo(1);
		});
	}

	/**
	 * Starts several application contexts at once and hands them to the assertions while
	 * all are running.
	 */
	private static void runTogether(ApplicationContextRunner runner, int count,
			Consumer<List<AssertableApplicationContext>> assertions) {
		List<AssertableApplicationContext> contexts = new CopyOnWriteArrayList<>();
		CountDownLatch started = new CountDownLatch(count);
		CountDownLatch done = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Thread thread = new Thread(() -> runner.run((context) -> {
				contexts.add(context);
				started.countDown();
				done.await();
			}));
			thread.start();
			threads.add(thread);
		}
		try {
			started.await();
			assertions.accept(contexts);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			done.countDown();
			threads.forEach((thread) -> {
				try {
					thread.join();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}
	}

	static class Recorder {

		final List<ComplaintReconciledEvent> events = new CopyOnWriteArrayList<>();

		volatile int failuresToThrow;

		@EventListener
		void on(ComplaintReconciledEvent event) {
			if (this.failuresToThrow > 0) {
				this.failuresToThrow--;
				throw new IllegalStateException("listener failure for the test");
			}
			this.events.add(event);
		}

	}

}
