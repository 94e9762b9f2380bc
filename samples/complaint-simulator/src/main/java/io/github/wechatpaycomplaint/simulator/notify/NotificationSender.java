package io.github.wechatpaycomplaint.simulator.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.wechatpaycomplaint.simulator.crypto.AesGcm;
import io.github.wechatpaycomplaint.simulator.http.AnswerSigner;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import io.github.wechatpaycomplaint.simulator.state.ComplaintChange;

/**
 * Sends a signed, encrypted notification for every complaint change to the merchant's
 * callback, as WeChat Pay does: retries on a non-2xx answer or a timeout after the
 * policy's back-off, and now and then sends a delivered notification a second time with
 * the same id. Every delivery and attempt is kept for tests.
 *
 * @since 0.1.0
 */
public final class NotificationSender implements AutoCloseable {

	private static final System.Logger LOGGER = System.getLogger(NotificationSender.class.getName());

	private final NotificationBodyWriter bodyWriter;

	private final AesGcm cipher;

	private final Supplier<WechatPaySigningKey> signingKey;

	private final Supplier<Optional<URI>> target;

	private final DeliveryPolicy policy;

	private final Random duplicates;

	private final Clock clock;

	private final List<NotificationDelivery> deliveries = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "wechatpay-simulator-notifications");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient httpClient;

	/**
	 * Creates a sender.
	 * @param bodyWriter writes the encrypted body
	 * @param cipher the merchant's APIv3 key
	 * @param signingKey the key that signs notifications
	 * @param target where to send, empty when no callback is known
	 * @param policy retries and duplicates
	 * @param duplicates the seeded source deciding on duplicates
	 * @param clock the clock
	 */
	public NotificationSender(NotificationBodyWriter bodyWriter, AesGcm cipher,
			Supplier<WechatPaySigningKey> signingKey, Supplier<Optional<URI>> target, DeliveryPolicy policy,
			Random duplicates, Clock clock) {
		this.bodyWriter = bodyWriter;
		this.cipher = cipher;
		this.signingKey = signingKey;
		this.target = target;
		this.policy = policy;
		this.duplicates = duplicates;
		this.clock = clock;
		this.httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(policy.timeout())
			.build();
	}

	/**
	 * Notifies a change, in the background.
	 * @param change the change
	 */
	public void send(ComplaintChange change) {
		Optional<URI> url = this.target.get();
		if (url.isEmpty()) {
			LOGGER.log(System.Logger.Level.DEBUG, "No callback URL: {0} of {1} not notified", change.actionType(),
					change.complaintId());
			return;
		}
		NotificationEnvelope envelope = NotificationEnvelope.complaint(change.eventType(), change.complaintId(),
				change.actionType(), OffsetDateTime.now(this.clock));
		NotificationDelivery delivery = new NotificationDelivery(envelope.id(), change.complaintId(),
				change.eventType(), change.actionType(), false, url.get(), this.bodyWriter.write(envelope, this.cipher),
				duplicate());
		this.deliveries.add(delivery);
		this.scheduler.execute(() -> attempt(delivery, 1));
	}

	/**
	 * Every delivery so far, duplicates included, in the order they were started.
	 * @return the deliveries
	 */
	public List<NotificationDelivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	private void attempt(NotificationDelivery delivery, int number) {
		DeliveryAttempt attempt = post(delivery, number);
		delivery.record(attempt);
		LOGGER.log(System.Logger.Level.INFO, "Notification {0} ({1} {2}, complaint {3}{4}) attempt {5} -> {6}",
				delivery.getNotificationId(), delivery.getEventType(), delivery.getActionType(),
				delivery.getComplaintId(), delivery.isDuplicate() ? ", duplicate" : "", number,
				(attempt.failure() != null) ? attempt.failure() : attempt.status());
		if (attempt.succeeded()) {
			delivery.finish();
			if (delivery.repeatAfterDelivery()) {
				NotificationDelivery again = new NotificationDelivery(delivery.getNotificationId(),
						delivery.getComplaintId(), delivery.getEventType(), delivery.getActionType(), true,
						delivery.getTarget(), delivery.bodyBytes(), false);
				this.deliveries.add(again);
				schedule(again, 1);
			}
		}
		else if (number < this.policy.maxAttempts()) {
			schedule(delivery, number + 1);
		}
		else {
			delivery.finish();
		}
	}

	private void schedule(NotificationDelivery delivery, int number) {
		if (!this.scheduler.isShutdown()) {
			this.scheduler.schedule(() -> attempt(delivery, number), this.policy.retryBackoff().toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	// Decided when the change happens, in the order of changes, so that a seed gives the
	// same duplicates.
	private synchronized boolean duplicate() {
		return this.policy.alwaysDuplicate() || this.duplicates.nextDouble() < this.policy.duplicateProbability();
	}

	private DeliveryAttempt post(NotificationDelivery delivery, int number) {
		byte[] body = delivery.bodyBytes();
		HttpRequest.Builder request = HttpRequest.newBuilder(delivery.getTarget())
			.timeout(this.policy.timeout())
			.header("Content-Type", "application/json")
			.header(WechatPaySigningKey.SIGNATURE_TYPE_HEADER, WechatPaySigningKey.SIGNATURE_TYPE)
			.header("Request-ID", "SIM-" + delivery.getNotificationId() + "-" + number)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		Map<String, String> signature = this.signingKey.get()
			.sign(body, this.clock.instant().getEpochSecond(), AnswerSigner.nonce());
		signature.forEach(request::header);
		try {
			HttpResponse<Void> response = this.httpClient.send(request.build(), HttpResponse.BodyHandlers.discarding());
			return new DeliveryAttempt(number, this.clock.instant(), response.statusCode(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new DeliveryAttempt(number, this.clock.instant(), 0, "interrupted");
		}
		catch (Exception ex) {
			return new DeliveryAttempt(number, this.clock.instant(), 0, ex.getClass().getSimpleName());
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
