package io.github.wechatpaycomplaint.samples.complainthandling;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationProperties;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.state.ComplaintState;
import io.github.wechatpaycomplaint.simulator.state.NewComplaint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * Plays WeChat Pay and a user around the running sample: once the web server is up it
 * points the simulator's notifications at the application's endpoint; once the
 * application is ready it files a complaint, waits until the application has completed
 * it, then writes a message as the user, and finally prints how to file more.
 */
public class SimulatedComplaintStory implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SimulatedComplaintStory.class);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final WechatPayComplaintSimulator simulator;

	private final ComplaintNotificationProperties properties;

	private final ScheduledExecutorService user = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "simulated-user");
		thread.setDaemon(true);
		return thread;
	});

	public SimulatedComplaintStory(WechatPayComplaintSimulator simulator, ComplaintNotificationProperties properties) {
		this.simulator = simulator;
		this.properties = properties;
	}

	@EventListener
	public void pointNotificationsHere(WebServerInitializedEvent event) {
		URI callback = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + this.properties.getPath());
		this.simulator.callbackUrl(callback);
		logger.info("WeChat Pay simulator on {} sends notifications to {}", this.simulator.baseUri(), callback);
	}

	@EventListener
	public void playTheUser(ApplicationReadyEvent event) {
		this.user.execute(this::story);
	}

	private void story() {
		String id = this.simulator.fileComplaint(
				new NewComplaint("买了两份却被扣了两次款，请退款。Charged twice for one order, please refund.", 2590, "REFUND", false));
		logger.info("simulated user filed complaint {}", id);
		if (!await(id, ComplaintState.PROCESSED)) {
			logger.warn("complaint {} is not PROCESSED after {}; look at the log above", id, PATIENCE);
			return;
		}
		this.user.schedule(() -> {
			this.simulator.userResponse(id, "退款什么时候到账？When will the refund arrive?");
			logger.info("simulated user wrote a message on complaint {}", id);
			this.user.schedule(() -> hint(id), 2, TimeUnit.SECONDS);
		}, 1, TimeUnit.SECONDS);
	}

	private boolean await(String complaintId, ComplaintState state) {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (Instant.now().isBefore(deadline)) {
			if (this.simulator.complaint(complaintId).map((complaint) -> complaint.getState() == state).orElse(false)) {
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

	private void hint(String complaintId) {
		String base = this.simulator.baseUri();
		logger.info(
				"""
						The story is told. The simulator keeps running until Ctrl+C; try:
						  curl -s -X POST {}/simulator/complaints -d '{"complaint_detail":"Never delivered","amount":1990,"problem_type":"REFUND"}'
						  curl -s -X POST {}/simulator/complaints/{}/user-response -d '{"content":"Thanks!"}'
						  curl -s -X POST {}/simulator/complaints/{}/continue -d '{"content":"Still not refunded"}'
						  curl -s {}/simulator/complaints/{}
						  curl -s {}/simulator/notifications""",
				base, base, complaintId, base, complaintId, base, complaintId, base);
	}

	@Override
	public void destroy() {
		this.user.shutdownNow();
	}

}
