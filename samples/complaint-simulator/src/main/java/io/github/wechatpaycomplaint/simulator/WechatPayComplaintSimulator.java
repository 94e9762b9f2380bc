package io.github.wechatpaycomplaint.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.github.wechatpaycomplaint.simulator.http.SimulatorHttpServer;
import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import io.github.wechatpaycomplaint.simulator.notify.NotificationDelivery;
import io.github.wechatpaycomplaint.simulator.state.Complaint;
import io.github.wechatpaycomplaint.simulator.state.NewComplaint;

/**
 * An embedded WeChat Pay for one merchant or several: serves the complaint APIs with
 * WeChat Pay's signature checks, rules and signed answers, keeps each merchant's
 * complaints and their history, and sends each merchant signed, encrypted notifications
 * at its callback. Start it with {@link #start(SimulatorSettings)}, point an application
 * at it with {@link #applicationProperties()}, and close it when done.
 *
 * <p>
 * The methods that act on a merchant (file a complaint, play the user, set the callback
 * URL, look at deliveries) act on the first merchant; {@link #merchant(String)} gives
 * each merchant's own.
 *
 * @since 0.1.0
 */
public final class WechatPayComplaintSimulator implements AutoCloseable {

	// Whether merchants were declared, so that the properties name each entry.
	private final boolean declaredMerchants;

	private final List<SimulatedMerchant> merchants;

	private final SimulatorHttpServer server;

	private final Clock clock;

	private WechatPayComplaintSimulator(SimulatorSettings settings) throws IOException {
		this.declaredMerchants = !settings.getMerchants().isEmpty();
		this.clock = settings.getClock();
		List<MerchantSetup> setups = MerchantSetups.resolve(settings);
		// One sequence for every merchant: complaint ids are unique across merchants, as
		// in WeChat Pay.
		AtomicLong complaintNumbers = new AtomicLong();
		List<SimulatedMerchant> merchants = new ArrayList<>();
		for (int i = 0; i < setups.size(); i++) {
			// The first merchant keeps the seed as it is, so that a seed still gives
			// the complaints a single-merchant simulator gave.
			merchants.add(new SimulatedMerchant(this, setups.get(i), i == 0, settings, settings.getSeed() + 7919L * i,
					complaintNumbers::incrementAndGet));
		}
		this.merchants = List.copyOf(merchants);
		try {
			this.server = SimulatorHttpServer.start(settings.getPort(),
					new MerchantDispatcher(this.merchants, this.clock));
		}
		catch (IOException ex) {
			this.merchants.forEach(SimulatedMerchant::close);
			throw ex;
		}
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
			simulator.merchants.forEach(SimulatedMerchant::fileInitialComplaints);
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
	 * The keys of the first merchant and its WeChat Pay.
	 * @return the keys
	 */
	public SimulatorKeys keys() {
		return first().keys();
	}

	/**
	 * A merchant of the simulator.
	 * @param name the name it was declared with ({@code default} for the one merchant of
	 * a simulator that declares none)
	 * @return the merchant
	 * @throws IllegalArgumentException when the simulator has no merchant of that name
	 */
	public SimulatedMerchant merchant(String name) {
		return this.merchants.stream()
			.filter((merchant) -> merchant.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No simulated merchant '" + name + "'; the simulator has "
					+ this.merchants.stream().map(SimulatedMerchant::name).toList()));
	}

	/**
	 * Every merchant of the simulator, the first first.
	 * @return the merchants
	 */
	public List<SimulatedMerchant> merchants() {
		return this.merchants;
	}

	/**
	 * The {@code wechatpay.complaint.*} properties of an application that talks to this
	 * simulator. For a simulator of one merchant declared by none: merchant id,
	 * certificate serial, private key PEM and APIv3 key; WeChat Pay public key id and PEM
	 * (or {@code platform-certificates.enabled=true} and the simulator's CA as
	 * {@code platform-certificates.trust-anchor} in certificate mode);
	 * {@code client.base-uri} and {@code client.allow-insecure-http=true}, since the
	 * simulator speaks plain http. For a simulator of declared merchants: the same keys
	 * of each under {@code wechatpay.complaint.merchants.<name>.}, with
	 * {@code client.endpoint=HONG_KONG} for a Hong Kong merchant.
	 * @return the properties, in a stable order
	 */
	public Map<String, String> applicationProperties() {
		if (!this.declaredMerchants) {
			return ApplicationProperties.of(keys(), baseUri(), first().certificateMode());
		}
		Map<String, String> properties = new LinkedHashMap<>();
		this.merchants.forEach((merchant) -> properties.putAll(merchant.applicationProperties()));
		return properties;
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
	 * Files a made-up complaint against the first merchant and notifies it
	 * ({@code COMPLAINT.CREATE}).
	 * @return the complaint id
	 */
	public String fileComplaint() {
		return first().fileComplaint();
	}

	/**
	 * Files a complaint against the first merchant and notifies it
	 * ({@code COMPLAINT.CREATE}).
	 * @param complaint what to file; {@code null} fields are made up
	 * @return the complaint id
	 */
	public String fileComplaint(NewComplaint complaint) {
		return first().fileComplaint(complaint);
	}

	/**
	 * A complaint of the first merchant, to look at its state and history.
	 * @param complaintId the id
	 * @return the complaint, or empty
	 */
	public Optional<Complaint> complaint(String complaintId) {
		return first().complaint(complaintId);
	}

	/**
	 * Every complaint of the first merchant, oldest first.
	 * @return the complaints
	 */
	public List<Complaint> complaints() {
		return first().complaints();
	}

	/**
	 * Plays the user writing a message ({@code USER_RESPONSE}, notified).
	 * @param complaintId a complaint of the first merchant
	 * @param content the message
	 */
	public void userResponse(String complaintId, String content) {
		first().userResponse(complaintId, content);
	}

	/**
	 * Plays the user continuing the complaint ({@code CONTINUE_COMPLAINT}: PENDING again,
	 * notified).
	 * @param complaintId a complaint of the first merchant
	 * @param content why
	 */
	public void continueComplaint(String complaintId, String content) {
		first().continueComplaint(complaintId, content);
	}

	/**
	 * Lets an approved refund arrive ({@code REFUND_SUCCESS}: PROCESSED, notified).
	 * @param complaintId a complaint of the first merchant
	 */
	public void refundArrived(String complaintId) {
		first().refundArrived(complaintId);
	}

	/**
	 * Sets where the first merchant's notifications go, overriding the URL registered
	 * through the API.
	 * @param url the callback URL, or {@code null} to use the registered URL again
	 */
	public void callbackUrl(URI url) {
		first().callbackUrl(url);
	}

	/**
	 * Where the first merchant's next notification goes: the callback URL given to the
	 * simulator, else the URL registered through the notification URL API.
	 * @return the target, or empty when there is none
	 */
	public Optional<URI> notificationTarget() {
		return first().notificationTarget();
	}

	/**
	 * The URL the first merchant registered through the notification URL API.
	 * @return the URL, or empty
	 */
	public Optional<String> registeredNotificationUrl() {
		return first().registeredNotificationUrl();
	}

	/**
	 * Every notification delivery of the first merchant so far, duplicates included, with
	 * their attempts.
	 * @return the deliveries
	 */
	public List<NotificationDelivery> deliveries() {
		return first().deliveries();
	}

	/**
	 * The clock every merchant signs, checks timestamps and dates complaints and
	 * notifications by ({@link SimulatorSettings#clock(Clock)}).
	 * @return the clock
	 */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * Moves the simulator's {@link MovableClock} forward, e.g. 21 hours to see a
	 * complaint's first reply come due. An application that reads the same clock moves
	 * with it, so signatures stay fresh both ways; also {@code POST /simulator/clock}
	 * with {@code {"advance":"PT21H"}}.
	 * @param amount how far, zero or more
	 * @return the new time
	 * @throws IllegalStateException when the simulator runs on another clock
	 * @throws IllegalArgumentException when the amount is negative
	 */
	public Instant advanceClock(Duration amount) {
		if (!(this.clock instanceof MovableClock movable)) {
			throw new IllegalStateException("The simulator runs on " + this.clock
					+ ", which cannot be moved: start it with SimulatorSettings.clock(MovableClock.systemUTC())");
		}
		return movable.advance(amount);
	}

	@Override
	public void close() {
		this.merchants.forEach(SimulatedMerchant::close);
		this.server.close();
	}

	private SimulatedMerchant first() {
		return this.merchants.get(0);
	}

}
