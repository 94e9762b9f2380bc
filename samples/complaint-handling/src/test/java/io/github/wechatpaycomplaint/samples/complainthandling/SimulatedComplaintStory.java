package io.github.wechatpaycomplaint.samples.complainthandling;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintNotificationProperties;
import io.github.wechatpaycomplaint.simulator.SimulatedMerchant;
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
 * points each merchant's notifications at that merchant's own path of the application's
 * endpoint ({@code <path>/main}, {@code <path>/hk}); once the application is ready it
 * files a complaint against each merchant, waits until the application has completed
 * both, then writes a message as the Hong Kong merchant's user, and finally prints how to
 * file more.
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
		for (SimulatedMerchant merchant : this.simulator.merchants()) {
			URI callback = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + this.properties.getPath()
					+ "/" + merchant.name());
			merchant.callbackUrl(callback);
			logger.info("WeChat Pay simulator on {}: merchant {} ({}, {}) sends notifications to {}",
					this.simulator.baseUri(), merchant.name(), merchant.merchantId(),
					merchant.region().map(Object::toString).orElse("any region"), callback);
		}
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
		if (!await(main, mainId, ComplaintState.PROCESSED) || !await(hk, hkId, ComplaintState.PROCESSED)) {
			logger.warn("complaints {} and {} are not both PROCESSED after {}; look at the log above", mainId, hkId,
					PATIENCE);
			return;
		}
		this.user.schedule(() -> {
			hk.userResponse(hkId, "When will the refund arrive?");
			logger.info("simulated user wrote a message on complaint {} of merchant hk", hkId);
			this.user.schedule(() -> hint(hkId), 2, TimeUnit.SECONDS);
		}, 1, TimeUnit.SECONDS);
	}

	private boolean await(SimulatedMerchant merchant, String complaintId, ComplaintState state) {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (Instant.now().isBefore(deadline)) {
			if (merchant.complaint(complaintId).map((complaint) -> complaint.getState() == state).orElse(false)) {
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
						  curl -s {}/notifications""",
				base, hk, hk, hkComplaintId, hk, hkComplaintId, hk, hkComplaintId, base, hk);
	}

	@Override
	public void destroy() {
		this.user.shutdownNow();
	}

}
