package io.github.wechatpaycomplaint.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Throw-away merchant and WeChat Pay keys for a host application's tests: the
 * {@code wechatpay.complaint.*} properties in one call, and notification builders signed
 * with the matching WeChat Pay key. An application of several merchants takes one
 * instance per merchant, each with its own merchant id, and registers each under its
 * entry name ({@link #register(DynamicPropertyRegistry, String)}).
 *
 * @since 0.1.0
 */
public final class WechatPayTestKeys {

	private static final String PREFIX = "wechatpay.complaint.";

	private static final Map<String, WechatPayTestKeys> shared = new ConcurrentHashMap<>();

	private final SimulatorKeys keys;

	private WechatPayTestKeys(SimulatorKeys keys) {
		this.keys = keys;
	}

	/**
	 * Fresh keys (three RSA key pairs: takes a moment).
	 * @return the keys
	 */
	public static WechatPayTestKeys generate() {
		return generate(SimulatorKeys.DEFAULT_MERCHANT_ID);
	}

	/**
	 * Fresh keys of a merchant id, e.g. for the second merchant of an application.
	 * @param merchantId the merchant id
	 * @return the keys
	 */
	public static WechatPayTestKeys generate(String merchantId) {
		return new WechatPayTestKeys(SimulatorKeys.generate(merchantId));
	}

	/**
	 * Keys generated once per JVM, shared by every test that asks.
	 * @return the shared keys of merchant {@code 1900000001}
	 */
	public static WechatPayTestKeys shared() {
		return shared(SimulatorKeys.DEFAULT_MERCHANT_ID);
	}

	/**
	 * Keys of a merchant id generated once per JVM, shared by every test that asks for
	 * that merchant id: each merchant of an application has its own.
	 * @param merchantId the merchant id
	 * @return the shared keys
	 */
	public static WechatPayTestKeys shared(String merchantId) {
		return shared.computeIfAbsent(merchantId, WechatPayTestKeys::generate);
	}

	/**
	 * Wraps a simulator's keys.
	 * @param keys the keys
	 * @return the test keys
	 */
	public static WechatPayTestKeys of(SimulatorKeys keys) {
		return new WechatPayTestKeys(keys);
	}

	/**
	 * The underlying keys, e.g. to start a simulator with them.
	 * @return the keys
	 */
	public SimulatorKeys simulatorKeys() {
		return this.keys;
	}

	/**
	 * The merchant and public-key-mode properties (no {@code client.base-uri}), and
	 * {@code client.allow-insecure-http=true} so that a plain-http stand-in may be named
	 * as {@code client.base-uri}.
	 * @return the properties
	 */
	public Map<String, String> applicationProperties() {
		return properties(PREFIX);
	}

	/**
	 * The same properties as an entry of an application of several merchants.
	 * @param merchantName the entry name
	 * @return {@code wechatpay.complaint.merchants.<merchantName>.*}
	 */
	public Map<String, String> applicationProperties(String merchantName) {
		return properties(PREFIX + "merchants." + merchantName + ".");
	}

	/**
	 * The properties as {@code key=value} strings, for
	 * {@code ApplicationContextRunner.withPropertyValues}.
	 * @return the properties
	 */
	public String[] propertyValues() {
		return values(applicationProperties());
	}

	/**
	 * The properties of an entry as {@code key=value} strings.
	 * @param merchantName the entry name
	 * @return the properties
	 */
	public String[] propertyValues(String merchantName) {
		return values(applicationProperties(merchantName));
	}

	/**
	 * Registers the properties from a {@code @DynamicPropertySource} method.
	 * @param registry the registry
	 */
	public void register(DynamicPropertyRegistry registry) {
		applicationProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

	/**
	 * Registers the properties as an entry of an application of several merchants.
	 * @param registry the registry
	 * @param merchantName the entry name
	 */
	public void register(DynamicPropertyRegistry registry, String merchantName) {
		applicationProperties(merchantName).forEach((key, value) -> registry.add(key, () -> value));
	}

	/**
	 * A notification builder signed with this merchant's WeChat Pay public key, under its
	 * public key id as {@code Wechatpay-Serial}, and encrypted with its APIv3 key.
	 * @return the builder
	 */
	public WechatPayNotificationBuilder notification() {
		return WechatPayNotificationBuilder.create()
			.signingKey(this.keys.wechatpayKeys().getPrivate())
			.serial(this.keys.publicKeyId())
			.apiV3Key(this.keys.apiV3Key());
	}

	private Map<String, String> properties(String prefix) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(prefix + "merchant.id", this.keys.merchantId());
		properties.put(prefix + "merchant.certificate-serial-number", this.keys.merchantSerial());
		properties.put(prefix + "merchant.private-key", this.keys.merchantPrivateKeyPem());
		properties.put(prefix + "merchant.api-v3-key", this.keys.apiV3Key());
		properties.put(prefix + "wechatpay-public-key.id", this.keys.publicKeyId());
		properties.put(prefix + "wechatpay-public-key.key", this.keys.wechatpayPublicKeyPem());
		properties.put(prefix + "client.allow-insecure-http", "true");
		return properties;
	}

	private static String[] values(Map<String, String> properties) {
		return properties.entrySet()
			.stream()
			.map((property) -> property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
	}

	@Override
	public String toString() {
		return "WechatPayTestKeys[" + this.keys + "]";
	}

}
