package io.github.wechatpaycomplaint.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import io.github.wechatpaycomplaint.simulator.api.SimulatorRoutes;
import io.github.wechatpaycomplaint.simulator.crypto.AesGcm;
import io.github.wechatpaycomplaint.simulator.http.AnswerSigner;
import io.github.wechatpaycomplaint.simulator.http.ApiRouter;
import io.github.wechatpaycomplaint.simulator.http.RequestAuthenticator;
import io.github.wechatpaycomplaint.simulator.http.SimulatorHttpServer;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import io.github.wechatpaycomplaint.simulator.notify.NotificationBodyWriter;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import io.github.wechatpaycomplaint.simulator.notify.NotificationSender;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.ComplaintStore;
import io.github.wechatpaycomplaint.simulator.state.ImageStore;
import io.github.wechatpaycomplaint.simulator.state.MerchantState;
import io.github.wechatpaycomplaint.simulator.state.NewComplaint;
import io.github.wechatpaycomplaint.simulator.state.NotificationUrlRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One merchant of a running simulator, as WeChat Pay keeps it: its keys (its requests are
 * verified with its merchant key, its answers and notifications signed with its own
 * WeChat Pay key and encrypted with its own APIv3 key), its complaints and its
 * notification URL. Get it with {@link WechatPayComplaintSimulator#merchant(String)}.
 *
 * @since 0.1.0
 */
public final class SimulatedMerchant {

	private final WechatPayComplaintSimulator simulator;

	private final MerchantSetup setup;

	private final boolean first;

	private final ComplaintStore store;

	private final NotificationSender sender;

	private final NotificationUrlRegistry notificationUrls = new NotificationUrlRegistry();

	private final AtomicReference<@Nullable URI> callbackUrl = new AtomicReference<>();

	private final ApiRouter router;

	SimulatedMerchant(WechatPayComplaintSimulator simulator, MerchantSetup setup, boolean first,
			SimulatorSettings settings, long seed, LongSupplier complaintNumbers) {
		this.simulator = simulator;
		this.setup = setup;
		this.first = first;
		this.callbackUrl.set(setup.callbackUrl());
		SimulatorKeys keys = setup.keys();
		JsonMapper jsonMapper = new JsonMapper();
		AnswerSigner signer = new AnswerSigner(keys, setup.certificateMode(), settings.getClock());
		Random random = new Random(seed);
		this.sender = new NotificationSender(new NotificationBodyWriter(jsonMapper), new AesGcm(keys.apiV3Key()),
				() -> signer.key(null), this::notificationTarget, settings.deliveryPolicy(),
				new Random(random.nextLong()), settings.getClock());
		ImageStore images = new ImageStore(keys.merchantId());
		this.store = new ComplaintStore(random, settings.getClock(), keys.merchantId(), images, complaintNumbers,
				this.sender::send);
		this.router = new ApiRouter(new RequestAuthenticator(keys, settings.getClock()), signer, jsonMapper);
		SimulatorRoutes.register(this.router, this, new MerchantState(this.store, images, this.notificationUrls),
				jsonMapper, settings.getMaxAnswerItems());
	}

	/**
	 * The merchant's name: {@code default} for the one merchant of a simulator that
	 * declares none, else as declared.
	 * @return the name
	 */
	public String name() {
		return this.setup.name();
	}

	/**
	 * The merchant id.
	 * @return the mchid
	 */
	public String merchantId() {
		return this.setup.keys().merchantId();
	}

	/**
	 * The keys of this merchant and of its WeChat Pay.
	 * @return the keys
	 */
	public SimulatorKeys keys() {
		return this.setup.keys();
	}

	/**
	 * The merchant's region.
	 * @return the region, or empty when it calls both path sets
	 */
	public Optional<MerchantRegion> region() {
		return Optional.ofNullable(this.setup.region());
	}

	/**
	 * Whether WeChat Pay signs this merchant's answers and notifications with its
	 * platform certificate.
	 * @return {@code true} in certificate mode
	 */
	public boolean certificateMode() {
		return this.setup.certificateMode();
	}

	/**
	 * The simulator this merchant belongs to.
	 * @return the simulator
	 */
	public WechatPayComplaintSimulator simulator() {
		return this.simulator;
	}

	/**
	 * The simulator's base URI, shared by every merchant.
	 * @return e.g. {@code http://127.0.0.1:8090}
	 */
	public String baseUri() {
		return this.simulator.baseUri();
	}

	/**
	 * Where this merchant's admin API is: {@code /simulator/merchants/<name>} (and
	 * {@code /simulator} for the first merchant).
	 * @return e.g. {@code http://127.0.0.1:8090/simulator/merchants/hk}
	 */
	public String adminUri() {
		return baseUri() + (this.first ? "/simulator" : "/simulator/merchants/" + name());
	}

	/**
	 * This merchant's {@code wechatpay.complaint.merchants.<name>.*} properties: its
	 * keys, {@code client.endpoint=HONG_KONG} for a Hong Kong merchant, the simulator's
	 * base URI and {@code client.allow-insecure-http=true}.
	 * @return the properties, in a stable order
	 */
	public Map<String, String> applicationProperties() {
		return ApplicationProperties.entry(this.setup, baseUri());
	}

	/**
	 * Files a made-up complaint against this merchant and notifies it
	 * ({@code COMPLAINT.CREATE}).
	 * @return the complaint id
	 */
	public String fileComplaint() {
		return fileComplaint(NewComplaint.random());
	}

	/**
	 * Files a complaint against this merchant and notifies it ({@code COMPLAINT.CREATE}).
	 * @param complaint what to file; {@code null} fields are made up
	 * @return the complaint id
	 */
	public String fileComplaint(NewComplaint complaint) {
		return this.store.file(complaint).getId();
	}

	/**
	 * One of this merchant's complaints, to look at its state and history.
	 * @param complaintId the id
	 * @return the complaint, or empty (also when it is another merchant's)
	 */
	public Optional<Complaint> complaint(String complaintId) {
		return this.store.find(complaintId);
	}

	/**
	 * This merchant's complaints, oldest first.
	 * @return the complaints
	 */
	public List<Complaint> complaints() {
		return this.store.all();
	}

	/**
	 * Plays the user writing a message ({@code USER_RESPONSE}, notified).
	 * @param complaintId the complaint
	 * @param content the message
	 */
	public void userResponse(String complaintId, String content) {
		this.store.userResponse(existing(complaintId), content);
	}

	/**
	 * Plays the user continuing the complaint ({@code CONTINUE_COMPLAINT}: PENDING again,
	 * notified).
	 * @param complaintId the complaint
	 * @param content why
	 */
	public void continueComplaint(String complaintId, String content) {
		this.store.continueComplaint(existing(complaintId), content);
	}

	/**
	 * Lets an approved refund arrive ({@code REFUND_SUCCESS}: PROCESSED, notified).
	 * @param complaintId the complaint
	 */
	public void refundArrived(String complaintId) {
		this.store.refundArrived(existing(complaintId));
	}

	/**
	 * Sets where this merchant's notifications go, overriding the URL it registered
	 * through the API.
	 * @param url the callback URL, or {@code null} to use the registered URL again
	 */
	public void callbackUrl(@Nullable URI url) {
		this.callbackUrl.set(url);
	}

	/**
	 * Where this merchant's next notification goes: the callback URL given to the
	 * simulator, else the URL the merchant registered through the notification URL API.
	 * @return the target, or empty when there is none
	 */
	public Optional<URI> notificationTarget() {
		URI direct = this.callbackUrl.get();
		return (direct != null) ? Optional.of(direct) : this.notificationUrls.url().map(URI::create);
	}

	/**
	 * The URL this merchant registered through the notification URL API.
	 * @return the URL, or empty
	 */
	public Optional<String> registeredNotificationUrl() {
		return this.notificationUrls.url();
	}

	/**
	 * Every notification delivery of this merchant so far, duplicates included, with
	 * their attempts.
	 * @return the deliveries
	 */
	public List<NotificationDelivery> deliveries() {
		return this.sender.deliveries();
	}

	@Override
	public String toString() {
		return "SimulatedMerchant[name=" + name() + ", merchantId=" + merchantId() + ", region="
				+ region().map(Object::toString).orElse("any") + "]";
	}

	SimulatorHttpServer.Response handle(SimulatorHttpServer.Request request) {
		return this.router.handle(request);
	}

	/**
	 * Whether WeChat Pay knows one of this merchant's signing keys by this serial.
	 * @param serial a {@code Wechatpay-Serial}
	 * @return {@code true} for its public key id or platform certificate serial
	 */
	boolean hasSerial(String serial) {
		return serial.equals(keys().publicKeyId()) || serial.equalsIgnoreCase(keys().platformCertificateSerial());
	}

	void fileInitialComplaints() {
		for (int i = 0; i < this.setup.initialComplaints(); i++) {
			fileComplaint();
		}
	}

	void close() {
		this.sender.close();
	}

	private Complaint existing(String complaintId) {
		return this.store.find(complaintId)
			.orElseThrow(() -> new IllegalArgumentException("No complaint " + complaintId + " of merchant " + name()));
	}

}
