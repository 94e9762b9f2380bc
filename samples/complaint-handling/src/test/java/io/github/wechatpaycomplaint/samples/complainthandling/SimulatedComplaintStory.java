package io.github.wechatpaycomplaint.samples.complainthandling;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationProperties;
import io.github.wechatpaycomplaint.deadline.ComplaintDeadlineStatus;
import io.github.wechatpaycomplaint.deadline.ComplaintDeadlines;
import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.ResolutionDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.ResolutionOverdueEvent;
import io.github.wechatpaycomplaint.notification.inbox.NotificationInbox;
import io.github.wechatpaycomplaint.simulator.SimulatedMerchant;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import io.github.wechatpaycomplaint.simulator.state.ComplaintState;
import io.github.wechatpaycomplaint.simulator.state.NewComplaint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Plays WeChat Pay and a user around the running sample: once the web server is up it
 * points each merchant's notifications at that merchant's own path of the application's
 * endpoint ({@code <path>/main}, {@code <path>/hk}); once the application is ready it
 * files a complaint against each merchant, waits until the application has completed
 * both, then writes a message as the Hong Kong merchant's user. Then time: it files a
 * complaint the sample leaves to a person (problem type {@code OTHERS}) and moves the
 * clock the application shares with the simulator 21 hours forward (its first reply is
 * due soon: {@link DeadlineEscalation} sends a holding reply), then to 61 hours (its
 * resolution is due soon) and 73 hours (overdue), prints the urgency list of
 * {@link ComplaintDeadlines}, and finally how to go on.
 */
public class SimulatedComplaintStory implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedComplaintStory.class);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final WechatPayComplaintSimulator simulator;

	private final ComplaintNotificationProperties properties;

	private final ComplaintDeadlines deadlines;

	private final Queue<ComplaintDeadlineEvent> deadlineEvents = new ConcurrentLinkedQueue<>();

	private final NotificationInbox inbox;

	private volatile int applicationPort;

	private final ScheduledExecutorService user = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "simulated-user");
		thread.setDaemon(true);
		return thread;
	});

	public SimulatedComplaintStory(WechatPayComplaintSimulator simulator, ComplaintNotificationProperties properties,
			ComplaintDeadlines deadlines, NotificationInbox inbox) {
		this.simulator = simulator;
		this.properties = properties;
		this.deadlines = deadlines;
		this.inbox = inbox;
	}

	@EventListener
	public void pointNotificationsHere(WebServerInitializedEvent event) {
		this.applicationPort = event.getWebServer().getPort();
		for (SimulatedMerchant merchant : this.simulator.merchants()) {
			URI callback = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + this.properties.getPath()
					+ "/" + merchant.name());
			merchant.callbackUrl(callback);
			logger.info("WeChat Pay simulator on {}: merchant {} ({}, {}) sends notifications to {}",
					this.simulator.baseUri(), merchant.name(), merchant.merchantId(),
					merchant.region().map(Object::toString).orElse("any region"), callback);
		}
	}

	// After the sample's own listeners: recorded once the escalation is done.
	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	public void recordDeadlineEvent(ComplaintDeadlineEvent event) {
		this.deadlineEvents.add(event);
	}

	@EventListener
	public void playTheUser(ApplicationReadyEvent event) {
		this.user.execute(this::story);
	}

	private void story() {
		SimulatedMerchant main = this.simulator.merchant("main");
		SimulatedMerchant hk = this.simulator.merchant("hk");
		String mainId = main.fileComplaint(
				new NewComplaint("买了两份却被扣了两次款，请退款。Charged twice for one order, please refund.", 2590, "REFUND", false));
		logger.info("simulated user filed complaint {} against merchant main", mainId);
		String hkId = hk.fileComplaint(
				new NewComplaint("Paid at the Central shop, the goods never came.", 8800, "SERVICE_NOT_WORK", false));
		logger.info("simulated user filed complaint {} against merchant hk", hkId);
		if (!await(() -> hasState(main, mainId, ComplaintState.PROCESSED))
				|| !await(() -> hasState(hk, hkId, ComplaintState.PROCESSED))) {
			logger.warn("complaints {} and {} are not both PROCESSED after {}; look at the log above", mainId, hkId,
					PATIENCE);
			return;
		}
		this.user.schedule(() -> {
			hk.userResponse(hkId, "When will the refund arrive?");
			logger.info("simulated user wrote a message on complaint {} of merchant hk", hkId);
			this.user.schedule(() -> {
				moveTime();
				hint(hkId);
			}, 2, TimeUnit.SECONDS);
		}, 1, TimeUnit.SECONDS);
	}

	// A complaint nobody answers, and the clock moved forward: the deadline watcher
	// publishes each threshold as the shared clock reaches it.
	private void moveTime() {
		SimulatedMerchant main = this.simulator.merchant("main");
		String id = main.fileComplaint(
				new NewComplaint("店员态度恶劣。The shop assistant was rude at the counter.", 1990, "OTHERS", false));
		logger.info(
				"simulated user filed complaint {} against merchant main (OTHERS: the sample leaves it to a person)",
				id);
		boolean told = await(() -> this.deadlines.find("main", id).isPresent() && settled(main, id))
				&& advance(Duration.ofHours(21), "its first reply is due in 3 hours",
						() -> published(id, FirstReplyDueSoonEvent.class) && settled(main, id))
				&& advance(Duration.ofHours(40), "61 hours after filing",
						() -> published(id, ResolutionDueSoonEvent.class))
				&& advance(Duration.ofHours(12), "73 hours after filing",
						() -> published(id, ResolutionOverdueEvent.class));
		if (!told) {
			logger.warn("complaint {}: the deadline story stopped after {}; look at the log above", id, PATIENCE);
		}
		logger.info(
				"urgent complaints (ComplaintDeadlines.urgent(10), also GET http://127.0.0.1:{}/complaints/urgent):",
				this.applicationPort);
		for (ComplaintDeadlineStatus status : this.deadlines.urgent(10)) {
			logger.info("  [{}] complaint {} round {}: next deadline {}{}", status.ref().merchantName(),
					status.ref().complaintId(), status.round(), status.nearestDeadline(),
					status.overdue() ? " OVERDUE" : "");
		}
	}

	private boolean advance(Duration amount, String meaning, BooleanSupplier then) {
		Instant now = this.simulator.advanceClock(amount).truncatedTo(ChronoUnit.SECONDS);
		logger.info("moved the clock of the application and the simulator {} forward, to {}: {}", amount, now, meaning);
		return await(then);
	}

	private boolean published(String complaintId, Class<? extends ComplaintDeadlineEvent> type) {
		return this.deadlineEvents.stream()
			.anyMatch((event) -> type.isInstance(event) && event.getComplaintId().equals(complaintId));
	}

	// Every notification of the complaint delivered and handled: no signed request is on
	// its way while the clock jumps (a signature 21 hours old is refused as stale).
	private boolean settled(SimulatedMerchant merchant, String complaintId) {
		return this.inbox.backlog().pending() == 0 && merchant.deliveries()
			.stream()
			.filter((delivery) -> delivery.getComplaintId().equals(complaintId))
			.allMatch(NotificationDelivery::isFinished);
	}

	private static boolean hasState(SimulatedMerchant merchant, String complaintId, ComplaintState state) {
		return merchant.complaint(complaintId).map((complaint) -> complaint.getState() == state).orElse(false);
	}

	private boolean await(BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (Instant.now().isBefore(deadline)) {
			if (condition.getAsBoolean()) {
				return true;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private void hint(String hkComplaintId) {
		String base = this.simulator.baseUri();
		String hk = this.simulator.merchant("hk").adminUri();
		logger.info(
				"""
						The story is told. The simulator keeps running until Ctrl+C; try:
						  curl -s -X POST {}/simulator/complaints -d '{"complaint_detail":"Never delivered","amount":1990,"problem_type":"REFUND"}'
						  curl -s -X POST {}/complaints -d '{"complaint_detail":"Wrong size","amount":3500,"problem_type":"REFUND"}'
						  curl -s -X POST {}/complaints/{}/user-response -d '{"content":"Thanks!"}'
						  curl -s -X POST {}/complaints/{}/continue -d '{"content":"Still not refunded"}'
						  curl -s {}/complaints/{}
						  curl -s {}/simulator/merchants
						  curl -s {}/notifications
						  curl -s -X POST {}/simulator/clock -d '{"advance":"PT21H"}'
						  curl -s http://127.0.0.1:{}/complaints/urgent""",
				base, hk, hk, hkComplaintId, hk, hkComplaintId, hk, hkComplaintId, base, hk, base,
				this.applicationPort);
	}

	@Override
	public void destroy() {
		this.user.shutdownNow();
	}

}
