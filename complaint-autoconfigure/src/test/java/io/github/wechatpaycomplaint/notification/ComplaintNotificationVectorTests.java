package io.github.wechatpaycomplaint.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.github.wechatpaycomplaint.notification.event.ComplaintCreatedEvent;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.RecordingListener;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification made by the official WeChat Pay Java SDK (shared/vectors) goes through
 * the endpoint.
 */
class ComplaintNotificationVectorTests {

	private static final JsonNode VECTOR = Vectors.root().get("notification");

	private static final long SIGNED_AT = VECTOR.get("signed_at_epoch_seconds").asLong();

	@Test
	void officialSdkNotificationIsAcceptedAtItsSigningTime() throws Exception {
		deliver(Duration.ZERO, (mockMvc, listener) -> {
			assertThat(mockMvc.perform(NotificationContexts.post(vector())).andReturn().getResponse().getStatus())
				.isEqualTo(204);
			assertThat(listener.events()).singleElement()
				.isInstanceOfSatisfying(ComplaintCreatedEvent.class, (event) -> {
					assertThat(event.getNotificationId()).isEqualTo("EV-2018022511223320873");
					assertThat(event.getComplaintId()).isEqualTo("200201820200101080076610000");
					assertThat(event.getResource())
						.isEqualTo(new JsonMapper().readTree(VECTOR.get("plaintext").asString()));
					assertThat(event.getResource().toString()).isEqualTo(VECTOR.get("plaintext").asString());
				});
		});
	}

	@Test
	void officialSdkNotificationIsRefusedMoreThanFiveMinutesLater() throws Exception {
		deliver(Duration.ofSeconds(301), (mockMvc, listener) -> {
			assertThat(mockMvc.perform(NotificationContexts.post(vector())).andReturn().getResponse().getStatus())
				.isEqualTo(401);
			assertThat(listener.calls()).isZero();
		});
	}

	private static SignedNotification vector() {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		VECTOR.get("headers").properties().forEach((entry) -> headers.put(entry.getKey(), entry.getValue().asString()));
		return new SignedNotification("vector", VECTOR.get("body").asString().getBytes(StandardCharsets.UTF_8),
				headers);
	}

	private static void deliver(Duration clockOffset, VectorTest test) {
		NotificationContexts.webRunner()
			.withBean(MutableClock.class, () -> MutableClock.atEpochSecond(SIGNED_AT + clockOffset.toSeconds()))
			.withUserConfiguration(ListenerConfiguration.class)
			.run((context) -> test.run(MockMvcBuilders.webAppContextSetup(context).build(),
					context.getBean(RecordingListener.class)));
	}

	interface VectorTest {

		void run(MockMvc mockMvc, RecordingListener listener) throws Exception;

	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

}
