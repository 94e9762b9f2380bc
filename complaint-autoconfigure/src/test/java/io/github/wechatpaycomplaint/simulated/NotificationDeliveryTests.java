package io.github.wechatpaycomplaint.simulated;

import java.time.Duration;
import java.util.List;

import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import io.github.wechatpaycomplaint.simulator.notify.DeliveryAttempt;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications reach a local callback signed with the WeChat Pay key and encrypted with
 * the APIv3 key; they are retried after a failing answer and sometimes (or always) sent
 * twice with the same id.
 */
class NotificationDeliveryTests {

	private final NotificationReceiver receiver = receiver();

	private WechatPayComplaintSimulator simulator;

	@AfterEach
	void stop() {
		this.simulator.close();
		this.receiver.close();
	}

	@Test
	void everyChangeIsNotifiedSignedAndEncrypted() {
		this.simulator = start(SimulatorSettings.defaults().duplicateProbability(0));
		String id = this.simulator.fileComplaint();
		this.simulator.userResponse(id, "还没处理吗？");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.receivedFor(id).size() == 2);
		List<NotificationReceiver.Received> received = this.receiver.receivedFor(id);
		assertThat(received).extracting(NotificationReceiver.Received::eventType)
			.containsExactlyInAnyOrder("COMPLAINT.CREATE", "COMPLAINT.STATE_CHANGE");
		assertThat(received).extracting(NotificationReceiver.Received::actionType)
			.containsExactlyInAnyOrder("CREATE_COMPLAINT", "USER_RESPONSE");
		assertThat(received).allSatisfy((notification) -> {
			assertThat(notification.signatureType()).isEqualTo("WECHATPAY2-SHA256-RSA2048");
			assertThat(notification.body()).contains("\"resource_type\":\"encrypt-resource\"",
					"\"original_type\":\"complaint\"", "\"algorithm\":\"AEAD_AES_256_GCM\"",
					"\"associated_data\":\"complaint\"");
		});
		assertThat(received).extracting(NotificationReceiver.Received::id).doesNotHaveDuplicates();
	}

	@Test
	void aFailedDeliveryIsRetriedAfterTheBackoff() {
		this.receiver.answerNext(500, 503);
		this.simulator = start(SimulatorSettings.defaults().duplicateProbability(0).maxAttempts(4));
		String id = this.simulator.fileComplaint();
		await().atMost(Duration.ofSeconds(5)).until(() -> delivery(id).isFinished());
		assertThat(delivery(id).getAttempts()).extracting(DeliveryAttempt::status).containsExactly(500, 503, 204);
		assertThat(this.receiver.receivedFor(id)).hasSize(3)
			.extracting(NotificationReceiver.Received::id)
			.containsOnly(delivery(id).getNotificationId());
	}

	@Test
	void deliveryStopsAfterTheLastAttempt() {
		this.receiver.answerNext(500, 500, 500);
		this.simulator = start(SimulatorSettings.defaults().duplicateProbability(0).maxAttempts(2));
		String id = this.simulator.fileComplaint();
		await().atMost(Duration.ofSeconds(5)).until(() -> delivery(id).isFinished());
		assertThat(delivery(id).isDelivered()).isFalse();
		assertThat(delivery(id).getAttempts()).hasSize(2);
	}

	@Test
	void alwaysDuplicateSendsEachNotificationTwiceWithTheSameId() {
		this.simulator = start(SimulatorSettings.defaults().alwaysDuplicate(true));
		String id = this.simulator.fileComplaint();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.receivedFor(id).size() == 2);
		List<NotificationReceiver.Received> received = this.receiver.receivedFor(id);
		assertThat(received.get(0).id()).isEqualTo(received.get(1).id());
		assertThat(received.get(0).body()).isEqualTo(received.get(1).body());
		assertThat(this.simulator.deliveries()).extracting(NotificationDelivery::isDuplicate)
			.containsExactly(false, true);
	}

	@Test
	void theSameSeedDuplicatesTheSameNotifications() {
		this.simulator = start(SimulatorSettings.defaults().duplicateProbability(0.5).seed(7));
		for (int i = 0; i < 6; i++) {
			this.simulator.fileComplaint();
		}
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.simulator.deliveries().stream().allMatch(NotificationDelivery::isFinished));
		List<String> first = duplicatedComplaintIndexes(this.simulator);
		this.simulator.close();
		this.simulator = start(SimulatorSettings.defaults().duplicateProbability(0.5).seed(7));
		for (int i = 0; i < 6; i++) {
			this.simulator.fileComplaint();
		}
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.simulator.deliveries().stream().allMatch(NotificationDelivery::isFinished));
		assertThat(duplicatedComplaintIndexes(this.simulator)).isEqualTo(first).isNotEmpty();
	}

	@Test
	void noCallbackMeansNoDelivery() {
		this.simulator = WechatPayComplaintSimulator.start(SimulatorSettings.defaults().keys(StarterClient.KEYS));
		this.simulator.fileComplaint();
		assertThat(this.simulator.notificationTarget()).isEmpty();
		assertThat(this.simulator.deliveries()).isEmpty();
	}

	private static List<String> duplicatedComplaintIndexes(WechatPayComplaintSimulator simulator) {
		List<String> ids = simulator.complaints().stream().map((complaint) -> complaint.getId()).toList();
		return simulator.deliveries()
			.stream()
			.filter(NotificationDelivery::isDuplicate)
			.map((delivery) -> String.valueOf(ids.indexOf(delivery.getComplaintId())))
			.sorted()
			.toList();
	}

	private NotificationDelivery delivery(String complaintId) {
		return this.simulator.deliveries()
			.stream()
			.filter((delivery) -> delivery.getComplaintId().equals(complaintId) && !delivery.isDuplicate())
			.findFirst()
			.orElseThrow();
	}

	private WechatPayComplaintSimulator start(SimulatorSettings settings) {
		return WechatPayComplaintSimulator.start(
				settings.keys(StarterClient.KEYS).callbackUrl(this.receiver.url()).retryBackoff(Duration.ofMillis(50)));
	}

	private static NotificationReceiver receiver() {
		try {
			return new NotificationReceiver(StarterClient.KEYS);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
