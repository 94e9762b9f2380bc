package io.github.wechatpaycomplaint.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import io.github.wechatpaycomplaint.simulator.notify.DeliveryPolicy;

/**
 * How to run a simulator; every setting has a default, so
 * {@code SimulatorSettings.defaults()} is enough.
 *
 * <p>
 * A simulator serves one merchant unless several are declared with
 * {@link #merchant(String, UnaryOperator)}. The merchant settings here
 * ({@link #merchantId merchant id} and {@link #keys keys}) are the first merchant's; the
 * others ({@link #certificateMode certificate mode}, {@link #callbackUrl callback URL},
 * {@link #initialComplaints initial complaints}) are every merchant's unless it sets its
 * own; the rest (port, seed, deliveries, clock) is shared.
 *
 * @since 0.1.0
 */
public final class SimulatorSettings {

	private static final Pattern MERCHANT_NAME = Pattern.compile("[a-z0-9-]{1,32}");

	private int port;

	private String merchantId = SimulatorKeys.DEFAULT_MERCHANT_ID;

	private SimulatorKeys keys;

	private int initialComplaints;

	private long seed = 20250613L;

	private double duplicateProbability = 0.2;

	private boolean alwaysDuplicate;

	private int maxAttempts = 5;

	private Duration retryBackoff = Duration.ofSeconds(2);

	private Duration deliveryTimeout = Duration.ofSeconds(5);

	private URI callbackUrl;

	private boolean certificateMode;

	private Clock clock = Clock.systemUTC();

	private int maxAnswerItems;

	private Function<String, SimulatorKeys> keyFactory = SimulatorKeys::generate;

	private final Map<String, MerchantSettings> merchants = new LinkedHashMap<>();

	private SimulatorSettings() {
	}

	/**
	 * Settings with every default: a free port, fresh keys, no complaints, seed 20250613,
	 * 20% duplicates, 5 attempts 2 seconds apart, public-key mode.
	 * @return new settings
	 */
	public static SimulatorSettings defaults() {
		return new SimulatorSettings();
	}

	/**
	 * The port to listen on (on 127.0.0.1).
	 * @param port the port, 0 for a free one
	 * @return these settings
	 */
	public SimulatorSettings port(int port) {
		this.port = port;
		return this;
	}

	/**
	 * The (first) simulated merchant's id; ignored when {@link #keys(SimulatorKeys) keys}
	 * are given.
	 * @param merchantId the mchid
	 * @return these settings
	 */
	public SimulatorSettings merchantId(String merchantId) {
		this.merchantId = merchantId;
		return this;
	}

	/**
	 * The (first) merchant's keys made earlier, e.g. shared by several simulators in a
	 * test suite to save the key generation.
	 * @param keys the keys
	 * @return these settings
	 */
	public SimulatorSettings keys(SimulatorKeys keys) {
		this.keys = keys;
		return this;
	}

	/**
	 * How many complaints to file on start, against each merchant that does not say
	 * otherwise.
	 * @param count the count
	 * @return these settings
	 */
	public SimulatorSettings initialComplaints(int count) {
		this.initialComplaints = count;
		return this;
	}

	/**
	 * The seed of made-up complaint data and of duplicate decisions.
	 * @param seed the seed
	 * @return these settings
	 */
	public SimulatorSettings seed(long seed) {
		this.seed = seed;
		return this;
	}

	/**
	 * The chance that a delivered notification is sent again with the same id.
	 * @param probability 0 to 1
	 * @return these settings
	 */
	public SimulatorSettings duplicateProbability(double probability) {
		this.duplicateProbability = probability;
		return this;
	}

	/**
	 * Whether to send every delivered notification twice.
	 * @param alwaysDuplicate {@code true} to always duplicate
	 * @return these settings
	 */
	public SimulatorSettings alwaysDuplicate(boolean alwaysDuplicate) {
		this.alwaysDuplicate = alwaysDuplicate;
		return this;
	}

	/**
	 * Attempts per notification, the first included.
	 * @param maxAttempts 1 or more
	 * @return these settings
	 */
	public SimulatorSettings maxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
		return this;
	}

	/**
	 * Wait before each retry of a failed notification.
	 * @param backoff the wait
	 * @return these settings
	 */
	public SimulatorSettings retryBackoff(Duration backoff) {
		this.retryBackoff = backoff;
		return this;
	}

	/**
	 * Time the callback has to answer a notification.
	 * @param timeout the timeout
	 * @return these settings
	 */
	public SimulatorSettings deliveryTimeout(Duration timeout) {
		this.deliveryTimeout = timeout;
		return this;
	}

	/**
	 * Where to send notifications, overriding the URL registered through the notification
	 * URL API (which must be HTTPS, while a local application usually listens on plain
	 * HTTP); every merchant's that does not name its own.
	 * @param callbackUrl the URL, or {@code null}
	 * @return these settings
	 */
	public SimulatorSettings callbackUrl(URI callbackUrl) {
		this.callbackUrl = callbackUrl;
		return this;
	}

	/**
	 * Whether WeChat Pay signs with its platform certificate (certificate mode) instead
	 * of its public key, for every merchant that does not say otherwise; the application
	 * properties switch to {@code platform-certificates.enabled=true} and name the
	 * simulator's CA as {@code platform-certificates.trust-anchor}.
	 * @param certificateMode {@code true} for certificate mode
	 * @return these settings
	 */
	public SimulatorSettings certificateMode(boolean certificateMode) {
		this.certificateMode = certificateMode;
		return this;
	}

	/**
	 * The clock every merchant signs, checks request timestamps and dates complaints and
	 * notifications by: the system's UTC clock by default. Give a {@link MovableClock},
	 * and the same instance to the application as its {@code Clock} bean, to move time
	 * forward with {@link WechatPayComplaintSimulator#advanceClock(Duration)} or
	 * {@code POST /simulator/clock}.
	 * @param clock the clock
	 * @return these settings
	 */
	public SimulatorSettings clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Refuses list and negotiation-history pages that would hold more than this many
	 * items with WeChat Pay's "result too large" error ({@code 当前查询结果数据量过大}), as WeChat
	 * Pay does when an answer's data volume is too large, so that clients can be tested
	 * asking for smaller pages.
	 * @param items the most items one answer may hold, 0 for no limit (the default)
	 * @return these settings
	 */
	public SimulatorSettings maxAnswerItems(int items) {
		if (items < 0) {
			throw new IllegalArgumentException("maxAnswerItems must be 0 (no limit) or more");
		}
		this.maxAnswerItems = items;
		return this;
	}

	/**
	 * Declares a merchant of the simulator: it serves every declared merchant, in this
	 * order, each with its own merchant id, keys, complaints and notification URL, and
	 * the single-merchant methods of {@link WechatPayComplaintSimulator} act on the
	 * first. Without any declared merchant it serves one, named {@code default}.
	 * @param name the merchant's name, as under {@code wechatpay.complaint.merchants}: 1
	 * to 32 lower-case letters, digits and {@code -}
	 * @param customizer how this merchant differs, e.g.
	 * {@code (merchant) -> merchant.region(MerchantRegion.HONG_KONG)}
	 * @return these settings
	 * @throws IllegalArgumentException when the name is not valid or declared already
	 */
	public SimulatorSettings merchant(String name, UnaryOperator<MerchantSettings> customizer) {
		if (!MERCHANT_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Merchant name '" + name
					+ "' is not valid: use 1 to 32 lower-case letters, digits and '-', as under "
					+ "wechatpay.complaint.merchants");
		}
		if (this.merchants.containsKey(name)) {
			throw new IllegalArgumentException("Merchant '" + name + "' is declared twice");
		}
		this.merchants.put(name, customizer.apply(new MerchantSettings()));
		return this;
	}

	/**
	 * How keys are made for a merchant that is given none: fresh keys by default. A test
	 * suite can hand out keys it made once per merchant id.
	 * @param keyFactory the keys of a merchant id
	 * @return these settings
	 */
	public SimulatorSettings keyFactory(Function<String, SimulatorKeys> keyFactory) {
		this.keyFactory = keyFactory;
		return this;
	}

	Map<String, MerchantSettings> getMerchants() {
		return this.merchants;
	}

	Function<String, SimulatorKeys> getKeyFactory() {
		return this.keyFactory;
	}

	String getMerchantId() {
		return this.merchantId;
	}

	SimulatorKeys getKeys() {
		return this.keys;
	}

	int getMaxAnswerItems() {
		return this.maxAnswerItems;
	}

	int getPort() {
		return this.port;
	}

	int getInitialComplaints() {
		return this.initialComplaints;
	}

	long getSeed() {
		return this.seed;
	}

	DeliveryPolicy deliveryPolicy() {
		return new DeliveryPolicy(this.maxAttempts, this.retryBackoff, this.duplicateProbability, this.alwaysDuplicate,
				this.deliveryTimeout);
	}

	URI getCallbackUrl() {
		return this.callbackUrl;
	}

	boolean isCertificateMode() {
		return this.certificateMode;
	}

	Clock getClock() {
		return this.clock;
	}

}
