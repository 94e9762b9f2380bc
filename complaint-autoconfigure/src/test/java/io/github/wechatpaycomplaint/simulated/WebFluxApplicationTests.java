package io.github.wechatpaycomplaint.simulated;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.simulated.WebFluxApplication.NewComplaints;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.notify.DeliveryAttempt;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A WebFlux application with the starter starts on Reactor Netty, receives the
 * simulator's notifications (each sent twice, each published once) and calls WeChat Pay
 * (the simulator) with the typed client, from a listener and from reactive code.
 */
class WebFluxApplicationTests {

	private static final String PATH = "/wechatpay/complaint-notifications";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private WechatPayComplaintSimulator simulator;

	private ConfigurableApplicationContext application;

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		if (this.simulator != null) {
			this.simulator.close();
		}
	}

	@Test
	void startsOnNettyReceivesNotificationsAndCallsWechatPay() throws Exception {
		this.simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults()
			.keys(StarterClient.KEYS)
			.alwaysDuplicate(true)
			.retryBackoff(Duration.ofMillis(50)));
		List<String> properties = new ArrayList<>(Arrays.asList(this.simulator.applicationPropertyValues()));
		properties.addAll(List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off"));
		this.application = new SpringApplicationBuilder(WebFluxApplication.class).web(WebApplicationType.REACTIVE)
			.properties(properties.toArray(String[]::new))
			.run();
		assertThat(this.application).isInstanceOf(ReactiveWebServerApplicationContext.class);
		ReactiveWebServerApplicationContext reactive = (ReactiveWebServerApplicationContext) this.application;
		assertThat(reactive.getWebServer().getClass().getSimpleName()).isEqualTo("NettyWebServer");
		String base = "http://127.0.0.1:" + reactive.getWebServer().getPort();

		this.simulator.callbackUrl(URI.create(base + PATH));
		String complaintId = this.simulator.fileComplaint();

		NewComplaints newComplaints = this.application.getBean(NewComplaints.class);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.simulator.deliveries().size() == 2
					&& this.simulator.deliveries().stream().allMatch(NotificationDelivery::isFinished));
		// Both copies were answered 204; one event, whose listener called WeChat Pay.
		assertThat(this.simulator.deliveries()).allSatisfy((delivery) -> {
			assertThat(delivery.getComplaintId()).isEqualTo(complaintId);
			assertThat(delivery.getAttempts()).extracting(DeliveryAttempt::status).containsExactly(204);
		});
		assertThat(newComplaints.fetched).singleElement().extracting(Complaint::complaintId).isEqualTo(complaintId);
		assertThat(newComplaints.nonBlockingThreads).isEmpty();

		HttpResponse<String> fromReactiveCode = this.http.send(
				HttpRequest.newBuilder(URI.create(base + "/complaints/" + complaintId)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(fromReactiveCode.statusCode()).isEqualTo(200);
		assertThat(fromReactiveCode.body()).contains("\"complaintId\":\"" + complaintId + "\"");
	}

}
