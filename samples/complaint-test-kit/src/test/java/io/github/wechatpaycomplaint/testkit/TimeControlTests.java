package io.github.wechatpaycomplaint.testkit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wechatpaycomplaint.api.WechatPayComplaintClient;
import io.github.wechatpaycomplaint.deadline.ComplaintDeadlineStatus;
import io.github.wechatpaycomplaint.deadline.ComplaintDeadlines;
import io.github.wechatpaycomplaint.deadline.DeadlineWatcher;
import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyOverdueEvent;
import io.github.wechatpaycomplaint.notification.event.UserRespondedEvent;
import io.github.wechatpaycomplaint.simulator.MovableClock;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.notify.DeliveryAttempt;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import io.github.wechatpaycomplaint.simulator.state.ComplaintState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A day of complaint deadlines in a second: the application and the simulator share the
 * extension's movable clock, a complaint filed through the simulator is "due soon" 21
 * hours later and overdue past 24, each published once, and signed calls and
 * notifications still verify both ways after the clock moved.
 */
@SpringBootTest(classes = TimeControlTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "wechatpay.complaint.deadlines.enabled=true",
				"wechatpay.complaint.deadlines.check-interval=50ms" })
class TimeControlTests {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@RegisterExtension
	static final WechatPaySimulatorExtension wechatPay = new WechatPaySimulatorExtension();

	@DynamicPropertySource
	static void wechatPayProperties(DynamicPropertyRegistry registry) {
		wechatPay.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	DeadlineEvents events;

	@Autowired
	ComplaintDeadlines deadlines;

	@Autowired
	DeadlineWatcher watcher;

	@Autowired
	WechatPayComplaintClient client;

	@Test
	void dueSoonAt21HoursAndOverduePast24EachOnceWhileSignaturesStayFresh(WechatPayComplaintSimulator simulator,
			MovableClock clock) {
		simulator.callbackUrl(URI.create("http://127.0.0.1:" + this.port + "/wechatpay/complaint-notifications"));
		String id = simulator.fileComplaint();
		await().atMost(PATIENCE).until(() -> this.deadlines.find("default", id).isPresent());

		clock.advance(Duration.ofHours(21));
		await().atMost(PATIENCE).until(() -> !this.events.of(id, FirstReplyDueSoonEvent.class).isEmpty());
		assertThat(this.events.of(id, FirstReplyOverdueEvent.class)).isEmpty();
		// The application signs by the moved clock and the simulator checks by it; the
		// answer is signed by it and checked by it.
		assertThat(this.client.getComplaint(id).complaintState().name()).isEqualTo("PENDING");

		clock.advance(Duration.ofHours(3).plusMinutes(1));
		await().atMost(PATIENCE).until(() -> !this.events.of(id, FirstReplyOverdueEvent.class).isEmpty());
		this.watcher.scan();

		assertThat(this.events.of(id)).extracting(Object::getClass)
			.containsExactly(FirstReplyDueSoonEvent.class, FirstReplyOverdueEvent.class);
		assertThat(this.deadlines.urgent(10)).singleElement().satisfies((status) -> {
			assertThat(status.ref().complaintId()).isEqualTo(id);
			assertThat(status.overdue()).isTrue();
			assertThat(status.nearestDeadline()).isEqualTo(
					simulator.complaint(id).orElseThrow().getComplaintTime().toInstant().plus(Duration.ofDays(1)));
		});

		// A notification signed 24 hours "later" is fresh for the application.
		simulator.userResponse(id, "Anyone there?");
		await().atMost(PATIENCE).until(() -> this.events.userResponses(id) == 1);
		assertThat(simulator.deliveries()).filteredOn(NotificationDelivery::isFinished)
			.allSatisfy((delivery) -> assertThat(delivery.getAttempts()).last()
				.extracting(DeliveryAttempt::status)
				.satisfies((status) -> assertThat(status).isBetween(200, 299)));
		assertThat(simulator.complaint(id).orElseThrow().getState()).isEqualTo(ComplaintState.PENDING);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Clock clock() {
			return wechatPay.clock();
		}

		@Bean
		DeadlineEvents deadlineEvents() {
			return new DeadlineEvents();
		}

	}

	static class DeadlineEvents {

		private final List<ComplaintDeadlineEvent> events = new CopyOnWriteArrayList<>();

		private final List<String> userResponses = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ComplaintDeadlineEvent event) {
			this.events.add(event);
		}

		@EventListener
		void on(UserRespondedEvent event) {
			this.userResponses.add(event.getComplaintId());
		}

		List<ComplaintDeadlineEvent> of(String complaintId) {
			return this.events.stream().filter((event) -> event.getComplaintId().equals(complaintId)).toList();
		}

		List<ComplaintDeadlineEvent> of(String complaintId, Class<? extends ComplaintDeadlineEvent> type) {
			return of(complaintId).stream().filter(type::isInstance).toList();
		}

		long userResponses(String complaintId) {
			return this.userResponses.stream().filter(complaintId::equals).count();
		}

	}

}
