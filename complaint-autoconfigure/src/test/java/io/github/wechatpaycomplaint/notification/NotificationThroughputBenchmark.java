package io.github.wechatpaycomplaint.notification;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.github.wechatpaycomplaint.crypto.SignedHeaders;
import io.github.wechatpaycomplaint.crypto.internal.ApiV3KeyCipher;
import io.github.wechatpaycomplaint.crypto.internal.PemKeys;
import io.github.wechatpaycomplaint.crypto.internal.RsaVerifier;
import io.github.wechatpaycomplaint.crypto.internal.SignatureMessages;
import io.github.wechatpaycomplaint.merchant.WechatPayPublicKey;
import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;
import io.github.wechatpaycomplaint.notification.store.CaffeineNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotification;
import io.github.wechatpaycomplaint.simulator.notify.SignedNotificationBuilder;
import io.github.wechatpaycomplaint.testsupport.NotificationContexts;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Notifications per second through the whole handler (verify + decrypt + parse +
 * de-duplicate in memory + publish to a listener of a real application context), beside
 * raw RSA-2048 verification + AES-256-GCM decryption of the same notifications and beside
 * the official WeChat Pay Java SDK's {@code NotificationParser} (verify + decrypt + Gson
 * into a class), measured in the same run: batches of 50 go through each in turn, each
 * batch starting with the next of the three, so that all see the same machine load and
 * none always runs right after the same other one. Single thread; the memory store
 * already holds 50,000 ids, as in a running application. Run it with:
 *
 * <pre>
 * ./mvnw -B -q -Pbenchmark -pl complaint-autoconfigure -am process-test-classes \
 *     -Dexec.mainClass=io.github.wechatpaycomplaint.notification.NotificationThroughputBenchmark
 * </pre>
 *
 * Optional arguments: number of distinct notifications (default 3000) and measured rounds
 * (default 7).
 */
public final class NotificationThroughputBenchmark {

	private static final long NOW = 1_763_856_000L;

	private static final int BATCH = 50;

	private static final int WARM_UP_ROUNDS = 5;

	private NotificationThroughputBenchmark() {
	}

	public static void main(String[] args) {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 3000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 7;
		System.out.printf("Signing %d distinct notifications...%n", count);
		List<SignedNotification> notifications = new ArrayList<>(count);
		SignedNotificationBuilder builder = NotificationContexts.notificationWithVectorKeys(NOW);
		for (int i = 0; i < count; i++) {
			notifications.add(builder.id("bench-" + i).build());
		}
		List<Raw> raw = raw(notifications);
		AtomicLong delivered = new AtomicLong();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean("counter", ApplicationListener.class,
					() -> (ApplicationListener<ComplaintNotificationEvent>) (event) -> delivered.incrementAndGet());
			context.refresh();
			Crypto crypto = new Crypto(PemKeys.publicKey(Vectors.key("wechatpay_public_key_pem")),
					new ApiV3KeyCipher(Vectors.key("api_v3_key")));
			// Warm-up rounds (until the JIT has compiled both paths), then measured
			// rounds.
			Official official = new Official();
			double[] pipeline = new double[rounds];
			double[] rawCrypto = new double[rounds];
			double[] officialSdk = new double[rounds];
			for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
				double[] rates = round(context, notifications, raw, crypto, official);
				if (round >= 0) {
					pipeline[round] = rates[0];
					rawCrypto[round] = rates[1];
					officialSdk[round] = rates[2];
				}
			}
			double pipelineMedian = median(pipeline);
			double cryptoMedian = median(rawCrypto);
			double officialMedian = median(officialSdk);
			System.out.printf(Locale.ROOT, "events delivered: %d (expected %d)%n", delivered.get(),
					(long) count * (rounds + WARM_UP_ROUNDS));
			System.out.printf(Locale.ROOT,
					"raw RSA-2048 verify + AES-256-GCM decrypt : %,10.0f notifications/s " + "(median of %d rounds)%n",
					cryptoMedian, rounds);
			System.out.printf(Locale.ROOT,
					"verify+decrypt+parse+dedup(memory)+publish: %,10.0f notifications/s " + "(median of %d rounds)%n",
					pipelineMedian, rounds);
			System.out.printf(Locale.ROOT,
					"official SDK NotificationParser (0.2.17)  : %,10.0f notifications/s " + "(median of %d rounds)%n",
					officialMedian, rounds);
			System.out.printf(Locale.ROOT, "ratio pipeline / raw crypto               : %10.3f (target >= 0.9)%n",
					pipelineMedian / cryptoMedian);
			System.out.printf(Locale.ROOT, "ratio pipeline / official SDK             : %10.3f (target >= 1.0)%n",
					pipelineMedian / officialMedian);
		}
	}

	/**
	 * One round: the notifications in batches of {@value #BATCH}, each batch through the
	 * pipeline, the raw crypto and the official SDK, so that all see the same machine
	 * load. Each batch starts with the next of the three, so that none always runs right
	 * after the same other one (and finds the caches as that one left them).
	 * @return the pipeline rate, the raw crypto rate and the official SDK rate, per
	 * second
	 */
	private static double[] round(GenericApplicationContext context, List<SignedNotification> notifications,
			List<Raw> raw, Crypto crypto, Official official) {
		ComplaintNotificationHandler handler = handler(context);
		// A round allocates far less than the young generation holds: collecting now
		// keeps collections, whose pause
		// lands on whichever contender happens to allocate at that moment, out of the
		// timed batches.
		System.gc();
		long[] nanos = new long[3];
		for (int from = 0, batch = 0; from < notifications.size(); from += BATCH, batch++) {
			int to = Math.min(from + BATCH, notifications.size());
			for (int k = 0; k < 3; k++) {
				int contender = (batch + k) % 3;
				long start = System.nanoTime();
				switch (contender) {
					case 0 -> {
						for (SignedNotification notification : notifications.subList(from, to)) {
							if (handler.handle(SignedHeaders.from(notification.headers()::get),
									notification.body()) != ComplaintNotificationHandler.Outcome.HANDLED) {
								throw new IllegalStateException("Not handled");
							}
						}
					}
					case 1 -> {
						for (Raw notification : raw.subList(from, to)) {
							crypto.verifyAndDecrypt(notification);
						}
					}
					default -> {
						for (Raw notification : raw.subList(from, to)) {
							official.parse(notification);
						}
					}
				}
				nanos[contender] += System.nanoTime() - start;
			}
		}
		return new double[] { perSecond(notifications.size(), nanos[0]), perSecond(raw.size(), nanos[1]),
				perSecond(raw.size(), nanos[2]) };
	}

	private static ComplaintNotificationHandler handler(GenericApplicationContext context) {
		WechatPayPublicKey key = new WechatPayPublicKey(Vectors.key("wechatpay_public_key_id"),
				PemKeys.publicKey(Vectors.key("wechatpay_public_key_pem")));
		NotificationMerchant merchant = new NotificationMerchant(SingleNotificationMerchants.DEFAULT_NAME,
				Vectors.key("mchid"), key, Vectors.key("api_v3_key"));
		return new ComplaintNotificationHandler(new SingleNotificationMerchants(merchant),
				Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), Duration.ofMinutes(5), warmStore(), context,
				Duration.ofMinutes(5), Duration.ofDays(8));
	}

	/**
	 * A memory store that already holds ids, as in a running application (an empty store
	 * pays for growing its tables on the first writes). Other benchmarks of the handler
	 * use it too.
	 * @return the store
	 */
	public static CaffeineNotificationDeduplicationStore warmStore() {
		CaffeineNotificationDeduplicationStore store = new CaffeineNotificationDeduplicationStore(100_000,
				Duration.ofDays(8));
		for (int i = 0; i < 50_000; i++) {
			store.markDone(store.claim("earlier-" + i, Duration.ofMinutes(5)), Duration.ofDays(8));
		}
		return store;
	}

	private static List<Raw> raw(List<SignedNotification> notifications) {
		JsonMapper json = new JsonMapper();
		List<Raw> raw = new ArrayList<>(notifications.size());
		for (SignedNotification notification : notifications) {
			JsonNode resource = json.readTree(notification.body()).get("resource");
			raw.add(new Raw(notification.headers().get("Wechatpay-Serial"),
					notification.headers().get("Wechatpay-Timestamp"), notification.headers().get("Wechatpay-Nonce"),
					notification.headers().get("Wechatpay-Signature"), notification.body(),
					resource.get("associated_data").asString(), resource.get("nonce").asString(),
					resource.get("ciphertext").asString()));
		}
		return raw;
	}

	private static double perSecond(int count, long nanos) {
		return count / (nanos / 1e9);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private record Crypto(PublicKey publicKey, ApiV3KeyCipher cipher) {

		void verifyAndDecrypt(Raw notification) {
			if (!RsaVerifier.verify(this.publicKey,
					SignatureMessages.answer(notification.timestamp(), notification.nonce(), notification.body()),
					notification.signature())) {
				throw new IllegalStateException("Bad signature");
			}
			if (this.cipher.decrypt(notification.associatedData(), notification.resourceNonce(),
					notification.ciphertext()).length == 0) {
				throw new IllegalStateException("Nothing decrypted");
			}
		}

	}

	/**
	 * The official SDK's parser, configured as its README shows for public-key mode.
	 */
	private static final class Official {

		private final com.wechat.pay.java.core.notification.NotificationParser parser = new com.wechat.pay.java.core.notification.NotificationParser(
				new com.wechat.pay.java.core.notification.RSAPublicKeyNotificationConfig.Builder()
					.publicKey(PemKeys.publicKey(Vectors.key("wechatpay_public_key_pem")))
					.publicKeyId(Vectors.key("wechatpay_public_key_id"))
					.apiV3Key(Vectors.key("api_v3_key"))
					.build());

		void parse(Raw notification) {
			com.wechat.pay.java.core.notification.RequestParam request = new com.wechat.pay.java.core.notification.RequestParam.Builder()
				.serialNumber(notification.serial())
				.nonce(notification.nonce())
				.signature(notification.signature())
				.timestamp(notification.timestamp())
				.body(new String(notification.body(), java.nio.charset.StandardCharsets.UTF_8))
				.build();
			OfficialComplaint complaint = this.parser.parse(request, OfficialComplaint.class);
			if (complaint.complaint_id == null) {
				throw new IllegalStateException("Nothing parsed");
			}
		}

	}

	/**
	 * The decrypted resource as the official SDK's users declare it (Gson fills the
	 * fields).
	 */
	static final class OfficialComplaint {

		String complaint_id;

		String action_type;

	}

	private record Raw(String serial, String timestamp, String nonce, String signature, byte[] body,
			String associatedData, String resourceNonce, String ciphertext) {
	}

}
