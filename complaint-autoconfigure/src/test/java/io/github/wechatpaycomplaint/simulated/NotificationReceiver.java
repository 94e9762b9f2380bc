package io.github.wechatpaycomplaint.simulated;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A merchant callback in a JDK HttpServer: verifies each notification with the starter's
 * validator, decrypts it with the APIv3 key, and answers with the next scripted status
 * (204 once the script is used up).
 */
final class NotificationReceiver implements AutoCloseable {

	private final HttpServer server;

	private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	NotificationReceiver(SimulatorKeys keys) throws IOException {
		WechatPaySignatureValidator validator = new WechatPaySignatureValidator(
				(serial) -> serial.equals(keys.publicKeyId()) ? Optional.of(keys.wechatpayKeys().getPublic())
						: Optional.empty(),
				Clock.systemUTC(), Duration.ofMinutes(5));
		ApiV3KeyCipher cipher = new ApiV3KeyCipher(keys.apiV3Key());
		JsonMapper json = new JsonMapper();
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/notify", (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				byte[] body = in.readAllBytes();
				validator.validate(SignedHeaders.from(exchange.getRequestHeaders()::getFirst), body);
				JsonNode envelope = json.readTree(body);
				JsonNode resource = envelope.path("resource");
				JsonNode plaintext = json.readTree(cipher.decrypt(resource.path("associated_data").asString(),
						resource.path("nonce").asString(), resource.path("ciphertext").asString()));
				this.received.add(new Received(envelope.path("id").asString(), envelope.path("event_type").asString(),
						plaintext.path("complaint_id").asString(), plaintext.path("action_type").asString(),
						exchange.getRequestHeaders().getFirst("Wechatpay-Signature-Type"),
						new String(body, StandardCharsets.UTF_8)));
				Integer status = this.statuses.poll();
				exchange.sendResponseHeaders((status != null) ? status : 204, -1);
			}
			catch (RuntimeException ex) {
				exchange.sendResponseHeaders(401, -1);
			}
		});
		this.server.start();
	}

	/** A verified, decrypted notification. */
	record Received(String id, String eventType, String complaintId, String actionType, String signatureType,
			String body) {
	}

	void answerNext(Integer... statuses) {
		this.statuses.addAll(List.of(statuses));
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/notify");
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	List<Received> receivedFor(String complaintId) {
		return this.received.stream().filter((notification) -> notification.complaintId().equals(complaintId)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
