package io.github.wechatpaycomplaint.simulator;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpServer;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.http.HttpResponse;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client nobody here wrote: the official WeChat Pay Java SDK (wechatpay-java-core)
 * signs requests the simulator accepts, verifies the simulator's signed answers (it reads
 * {@code Wechatpay-Timestamp} and the other headers case-sensitively), and parses the
 * simulator's notifications with its {@code NotificationParser}.
 */
class OfficialSdkClientTests {

	private static final SimulatorKeys KEYS = SimulatorKeys.generate(SimulatorKeys.DEFAULT_MERCHANT_ID);

	private static WechatPayComplaintSimulator simulator;

	private static HttpClient sdk;

	@BeforeAll
	static void start() {
		simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults().keys(KEYS).initialComplaints(2));
		sdk = OfficialSdk.client(KEYS, KEYS);
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void theOfficialSdkAcceptsTheSignedAnswerOfTheComplaintList() {
		String url = simulator.baseUri() + "/v3/merchant-service/complaints-v2?limit=10&offset=0&"
				+ OfficialSdk.listQuery();
		HttpResponse<JsonObject> response = sdk.get(OfficialSdk.acceptJson(), url, JsonObject.class);
		assertThat(response.getServiceResponse().get("total_count").getAsInt())
			.isEqualTo(simulator.complaints().size());
		assertThat(response.getHeaders().getHeader("Wechatpay-Timestamp")).isNotBlank();
		assertThat(response.getHeaders().getHeader("Wechatpay-Serial")).isEqualTo(KEYS.publicKeyId());
		assertThat(response.getHeaders().getHeader("Request-ID")).endsWith("-SIM");
	}

	@Test
	void theOfficialSdkAcceptsTheSignedAnswerOfAComplaintDetail() {
		String complaintId = simulator.complaints().get(0).getId();
		HttpResponse<JsonObject> response = sdk.get(OfficialSdk.acceptJson(),
				simulator.baseUri() + "/v3/merchant-service/complaints-v2/" + complaintId, JsonObject.class);
		assertThat(response.getServiceResponse().get("complaint_id").getAsString()).isEqualTo(complaintId);
	}

	@Test
	void theOfficialSdkParsesTheSimulatorsNotification() throws Exception {
		BlockingQueue<RequestParam> received = new LinkedBlockingQueue<>();
		HttpServer callback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		callback.createContext("/notify", (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				received.add(OfficialSdk.requestParam(exchange.getRequestHeaders(), in));
				exchange.sendResponseHeaders(204, -1);
			}
		});
		callback.start();
		try {
			simulator.callbackUrl(URI.create("http://127.0.0.1:" + callback.getAddress().getPort() + "/notify"));
			String complaintId = simulator.fileComplaint();
			RequestParam notification = received.poll(10, TimeUnit.SECONDS);
			assertThat(notification).as("a notification within 10 s").isNotNull();
			NotificationParser parser = OfficialSdk.parser(KEYS);
			JsonObject resource = parser.parse(notification, JsonObject.class);
			assertThat(resource.get("complaint_id").getAsString()).isEqualTo(complaintId);
			assertThat(resource.get("action_type").getAsString()).isEqualTo("CREATE_COMPLAINT");
		}
		finally {
			simulator.callbackUrl(null);
			callback.stop(0);
		}
	}

}
