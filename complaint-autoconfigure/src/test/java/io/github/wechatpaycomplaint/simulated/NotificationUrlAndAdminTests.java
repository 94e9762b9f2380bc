package io.github.wechatpaycomplaint.simulated;

import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import io.github.wechatpaycomplaint.autoconfigure.ComplaintClientAutoConfiguration;
import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.MediaType;

import static io.github.wechatpaycomplaint.simulated.ComplaintRulesTests.get;
import static io.github.wechatpaycomplaint.simulated.ComplaintRulesTests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The notification URL API with its rules, the admin HTTP API, and the properties file an
 * application starts with.
 */
class NotificationUrlAndAdminTests {

	private static final String URLS = "/v3/merchant-service/complaint-notifications";

	private static WechatPayComplaintSimulator simulator;

	private static RawRequests raw;

	@BeforeAll
	static void start() {
		simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults().keys(StarterClient.KEYS));
		raw = new RawRequests(simulator);
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void theNotificationUrlIsCreatedQueriedUpdatedAndDeleted() {
		StarterClient.with(simulator, (client) -> {
			assertThatExceptionOfType(WechatPayApiException.class).isThrownBy(() -> get(client, URLS))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(400);
					assertThat(ex.getCode()).isEqualTo("RESOURCE_NOT_EXISTS");
				});
			assertThat(post(client, URLS, "{\"url\":\"https://shop.example.com/wechatpay/complaint-notifications\"}"))
				.contains("\"mchid\":\"" + simulator.keys().merchantId() + "\"");
			assertThat(simulator.notificationTarget()).hasValueSatisfying(
					(uri) -> assertThat(uri).hasToString("https://shop.example.com/wechatpay/complaint-notifications"));
			assertThat(client.put()
				.uri("/v3/global/merchant-service/complaint-notifications")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"url\":\"https://shop.example.com/v2\"}")
				.retrieve()
				.body(String.class)).contains("https://shop.example.com/v2");
			assertThat(get(client, URLS)).contains("https://shop.example.com/v2");
			client.delete().uri(URLS).retrieve().toBodilessEntity();
			assertThat(simulator.registeredNotificationUrl()).isEmpty();
		});
	}

	@Test
	void theNotificationUrlMustBeHttpsWithoutQuery() {
		StarterClient.with(simulator, (client) -> {
			for (String url : new String[] { "http://shop.example.com/notify",
					"https://shop.example.com/notify?a=1" }) {
				assertThatExceptionOfType(WechatPayApiException.class)
					.isThrownBy(() -> post(client, URLS, "{\"url\":\"" + url + "\"}"))
					.satisfies((ex) -> {
						assertThat(ex.getCode()).isEqualTo("PARAM_ERROR");
						assertThat(ex.getDetail()).containsEntry("field", "url");
					});
			}
		});
	}

	@Test
	void adminCallsFileComplaintsAndPlayTheUser() throws Exception {
		try (NotificationReceiver receiver = new NotificationReceiver(simulator.keys())) {
			assertThat(raw.admin("PUT", "/simulator/callback-url", "{\"url\":\"" + receiver.url() + "\"}").statusCode())
				.isEqualTo(200);
			HttpResponse<String> filed = raw.admin("POST", "/simulator/complaints",
					"{\"complaint_detail\":\"Charged twice\",\"amount\":2590,\"problem_type\":\"REFUND\"}");
			assertThat(filed.statusCode()).isEqualTo(201);
			String id = new JsonMapper().readTree(filed.body()).path("complaint_id").asString();
			assertThat(raw.admin("POST", "/simulator/complaints/" + id + "/user-response", "{\"content\":\"退款呢？\"}")
				.statusCode()).isEqualTo(204);
			await().atMost(Duration.ofSeconds(5)).until(() -> receiver.receivedFor(id).size() == 2);
			assertThat(raw.admin("GET", "/simulator/complaints/" + id, "").body()).contains("\"USER_RESPONSE\"", "退款呢？",
					"\"apply_refund_amount\" : 2590");
			assertThat(raw.admin("GET", "/simulator/notifications", "").body()).contains(id, "\"status\" : 204");
			assertThat(raw.admin("POST", "/simulator/complaints/200000020990101000000000000/user-response", "")
				.statusCode()).isEqualTo(404);
			assertThat(raw.admin("DELETE", "/simulator/callback-url", "").statusCode()).isEqualTo(204);
		}
	}

	@Test
	void thePropertiesFileStartsTheStarter(@TempDir Path directory) throws Exception {
		Path file = simulator.writeProperties(directory.resolve("config/wechatpay-simulator.properties"));
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		assertThat(properties.getProperty("wechatpay.complaint.merchant.private-key"))
			.isEqualTo(simulator.keys().merchantPrivateKeyPem().strip());
		assertThat(properties).containsEntry("wechatpay.complaint.client.base-uri", simulator.baseUri())
			.containsEntry("wechatpay.complaint.client.allow-insecure-http", "true");
		assertThat(raw.admin("GET", "/simulator/properties", "").body())
			.contains("wechatpay.complaint.wechatpay-public-key.id=" + simulator.keys().publicKeyId());
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, RestClientAutoConfiguration.class,
					ComplaintClientAutoConfiguration.class))
			.withPropertyValues("spring.config.import=file:" + file)
			.withInitializer(new ConfigDataApplicationContextInitializer())
			.run((context) -> {
				StarterClient.assertStarted(context);
				assertThat(get(StarterClient.client(context),
						"/v3/merchant-service/complaints-v2?" + StarterClient.listQuery()))
					.contains("\"data\"");
			});
	}

}
