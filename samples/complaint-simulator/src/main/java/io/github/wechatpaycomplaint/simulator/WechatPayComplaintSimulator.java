package io.github.wechatpaycomplaint.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

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
import io.github.wechatpaycomplaint.simulator.state.NewComplaint;
import io.github.wechatpaycomplaint.simulator.state.NotificationUrlRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * An embedded WeChat Pay for one merchant: serves the complaint APIs with WeChat Pay's
 * signature checks, rules and signed answers, keeps complaints and their history, and
 * sends signed, encrypted notifications to the merchant's callback. Start it with
 * {@link #start(SimulatorSettings)}, point an application at it with
 * {@link #applicationProperties()}, and close it when done.
 *
 * @since 0.1.0
 */
public final class WechatPayComplaintSimulator implements AutoCloseable {

	private final SimulatorSettings settings;

	private final SimulatorKeys keys;

	private final SimulatorHttpServer server;

	private final ComplaintStore store;

	private final NotificationSender sender;

	private final NotificationUrlRegistry notificationUrls = new NotificationUrlRegistry();

	private final AtomicReference<URI> callbackUrl = new AtomicReference<>();

	private WechatPayComplaintSimulator(SimulatorSettings settings) throws IOException {
		this.settings = settings;
		this.keys = settings.resolveKeys();
		this.callbackUrl.set(settings.getCallbackUrl());
		JsonMapper jsonMapper = new JsonMapper();
		AnswerSigner signer = new AnswerSigner(this.keys, settings.isCertificateMode(), settings.getClock());
		Random random = new Random(settings.getSeed());
		this.sender = new NotificationSender(new NotificationBodyWriter(jsonMapper), new AesGcm(this.keys.apiV3Key()),
				() -> signer.key(null), this::notificationTarget, settings.deliveryPolicy(),
				new Random(random.nextLong()), settings.getClock());
		ImageStore images = new ImageStore();
		this.store = new ComplaintStore(random, settings.getClock(), this.keys.merchantId(), images, this.sender::send);
		ApiRouter router = new ApiRouter(new RequestAuthenticator(this.keys, settings.getClock()), signer, jsonMapper);
		SimulatorRoutes.register(router, this, this.keys, this.store, images, this.notificationUrls, jsonMapper,
				this::baseUri, settings.getMaxAnswerItems());
		this.server = SimulatorHttpServer.start(settings.getPort(), router);
	}

	/**
	 * Starts a simulator with default settings (free port, fresh keys, no complaints).
	 * @return the running simulator
	 */
	public static WechatPayComplaintSimulator start() {
		return start(SimulatorSettings.defaults());
	}

	/**
	 * Starts a simulator and files the initial complaints.
	 * @param settings the settings
	 * @return the running simulator
	 */
	public static WechatPayComplaintSimulator start(SimulatorSettings settings) {
		try {
			WechatPayComplaintSimulator simulator = new WechatPayComplaintSimulator(settings);
			for (int i = 0; i < settings.getInitialComplaints(); i++) {
				simulator.fileComplaint();
			}
			return simulator;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The simulator cannot listen on port " + settings.getPort(), ex);
		}
	}

	public int port() {
		return this.server.port();
	}

	/**
	 * The base URI to give the application as
	 * {@code wechatpay.complaint.client.base-uri}.
	 * @return e.g. {@code http://127.0.0.1:8090}
	 */
	public String baseUri() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * The keys of the simulated merchant and WeChat Pay.
	 * @return the keys
	 */
	public SimulatorKeys keys() {
		return this.keys;
	}

	/**
	 * The {@code wechatpay.complaint.*} properties of an application that talks to this
	 * simulator: merchant id, certificate serial, private key PEM and APIv3 key; WeChat
	 * Pay public key id and PEM (or {@code platform-certificates.enabled=true} and the
	 * simulator's CA as {@code platform-certificates.trust-anchor} in certificate mode);
	 * {@code client.base-uri} and {@code client.allow-insecure-http=true}, since the
	 * simulator speaks plain http.
	 * @return the properties, in a stable order
	 */
	public Map<String, String> applicationProperties() {
		return ApplicationProperties.of(this.keys, baseUri(), this.settings.isCertificateMode());
	}

	/**
	 * The same properties as {@code key=value} strings, for
	 * {@code withPropertyValues(...)} or {@code @SpringBootTest(properties = ...)}.
	 * @return the properties
	 */
	public String[] applicationPropertyValues() {
		return applicationProperties().entrySet()
			.stream()
			.map((property) -> property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Writes the application properties to a {@code .properties} file.
	 * @param file the file (parent directories are created)
	 * @return the file
	 */
	public Path writeProperties(Path file) {
		return ApplicationProperties.write(applicationProperties(), file);
	}

	/**
	 * Files a made-up complaint and notifies it ({@code COMPLAINT.CREATE}).
	 * @return the complaint id
	 */
	public String fileComplaint() {
		return fileComplaint(NewComplaint.random());
	}

	/**
	 * Files a complaint and notifies it ({@code COMPLAINT.CREATE}).
	 * @param complaint what to file; {@code null} fields are made up
	 * @return the complaint id
	 */
	public String fileComplaint(NewComplaint complaint) {
		return this.store.file(complaint).getId();
	}

	/**
	 * A complaint, to look at its state and history.
	 * @param complaintId the id
	 * @return the complaint, or empty
	 */
	public Optional<Complaint> complaint(String complaintId) {
		return this.store.find(complaintId);
	}

	/**
	 * Every complaint, oldest first.
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
	 * Sets where notifications go, overriding the URL registered through the API.
	 * @param url the callback URL, or {@code null} to use the registered URL again
	 */
	public void callbackUrl(URI url) {
		this.callbackUrl.set(url);
	}

	/**
	 * Where the next notification goes: the callback URL given to the simulator, else the
	 * URL registered through the notification URL API.
	 * @return the target, or empty when there is none
	 */
	public Optional<URI> notificationTarget() {
		URI direct = this.callbackUrl.get();
		return (direct != null) ? Optional.of(direct) : this.notificationUrls.url().map(URI::create);
	}

	/**
	 * The URL registered through the notification URL API.
	 * @return the URL, or empty
	 */
	public Optional<String> registeredNotificationUrl() {
		return this.notificationUrls.url();
	}

	/**
	 * Every notification delivery so far, duplicates included, with their attempts.
	 * @return the deliveries
	 */
	public List<NotificationDelivery> deliveries() {
		return this.sender.deliveries();
	}

	@Override
	public void close() {
		this.sender.close();
		this.server.close();
	}

	private Complaint existing(String complaintId) {
		return this.store.find(complaintId)
			.orElseThrow(() -> new IllegalArgumentException("No complaint " + complaintId));
	}

}
