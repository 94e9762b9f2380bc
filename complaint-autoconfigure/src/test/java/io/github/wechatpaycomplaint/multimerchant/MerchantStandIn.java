package io.github.wechatpaycomplaint.multimerchant;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wechatpaycomplaint.simulator.crypto.AesGcm;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;

/**
 * WeChat Pay for the benchmark's merchants, on 127.0.0.1: answers any request with a
 * complaint, and {@code /v3/certificates} with the merchant's platform certificate
 * (encrypted with its APIv3 key), signed with the key the merchant verifies with. The
 * merchant is the {@code mchid} of the {@code Authorization} header, whose signature is
 * not checked. It keeps no journal, so that the heap it holds does not grow with the
 * requests it has answered.
 */
final class MerchantStandIn implements AutoCloseable {

	static final String COMPLAINT_ID = "200201820200101080076610000";

	private static final Pattern MCHID = Pattern.compile("mchid=\"([0-9]+)\"");

	private static final String COMPLAINT = "{\"complaint_id\":\"" + COMPLAINT_ID + "\"}";

	private final HttpServer server;

	private final Map<String, WechatPaySigningKey> signers = new HashMap<>();

	private final Map<String, String> certificates = new HashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	MerchantStandIn(BenchmarkMerchants keys, int merchants, int certificateMerchants) {
		for (int i = 0; i < merchants; i++) {
			this.signers.put(BenchmarkMerchants.merchantId(i), keys.signingKey(i));
		}
		for (int i = 0; i < certificateMerchants; i++) {
			BenchmarkMerchants.X509Fixture certificate = keys.platformCertificate(i);
			String merchantId = BenchmarkMerchants.certificateMerchantId(i);
			this.signers.put(merchantId, certificate.signer());
			this.certificates.put(merchantId, certificatesJson(certificate, BenchmarkMerchants.certificateApiV3Key(i)));
		}
		// Without it, an answer's headers and body leave in two small packets, and the
		// client's delayed acknowledgement holds the second for 40 ms.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	String baseUri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Requests received so far.
	 * @return the count
	 */
	int requests() {
		return this.requests.get();
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.requests.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			Matcher mchid = MCHID.matcher((authorization != null) ? authorization : "");
			WechatPaySigningKey signer = mchid.find() ? this.signers.get(mchid.group(1)) : null;
			if (signer == null) {
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			String body = exchange.getRequestURI().getPath().endsWith("/certificates")
					? this.certificates.get(mchid.group(1)) : COMPLAINT;
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			signer.answerHeaders(bytes, Instant.now().getEpochSecond()).forEach(exchange.getResponseHeaders()::add);
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	private static String certificatesJson(BenchmarkMerchants.X509Fixture certificate, String apiV3Key) {
		String nonce = "0123456789ab";
		String ciphertext = new AesGcm(apiV3Key).encrypt("certificate", nonce,
				certificate.pem().getBytes(StandardCharsets.UTF_8));
		Instant now = Instant.now();
		return "{\"data\":[{\"serial_no\":\"" + certificate.serial() + "\",\"effective_time\":\""
				+ now.minusSeconds(86_400) + "\",\"expire_time\":\"" + now.plusSeconds(300L * 86_400)
				+ "\",\"encrypt_certificate\":{\"algorithm\":\"" + AesGcm.ALGORITHM + "\",\"nonce\":\"" + nonce
				+ "\",\"associated_data\":\"certificate\",\"ciphertext\":\"" + ciphertext + "\"}}]}";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
