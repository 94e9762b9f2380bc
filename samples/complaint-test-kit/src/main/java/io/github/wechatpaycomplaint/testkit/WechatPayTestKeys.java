package io.github.wechatpaycomplaint.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Throw-away merchant and WeChat Pay keys for a host application's tests: the
 * {@code wechatpay.complaint.*} properties in one call, and notification builders signed
 * with the matching WeChat Pay key.
 *
 * @since 0.1.0
 */
public final class WechatPayTestKeys {

	private static volatile WechatPayTestKeys shared;

	private final SimulatorKeys keys;

	private WechatPayTestKeys(SimulatorKeys keys) {
		this.keys = keys;
	}

	/**
	 * Fresh keys (three RSA key pairs: takes a moment).
	 * @return the keys
	 */
	public static WechatPayTestKeys generate() {
		return new WechatPayTestKeys(SimulatorKeys.generate(SimulatorKeys.DEFAULT_MERCHANT_ID));
	}

	/**
	 * Keys generated once per JVM, shared by every test that asks.
	 * @return the shared keys
	 */
	public static WechatPayTestKeys shared() {
		if (shared == null) {
			synchronized (WechatPayTestKeys.class) {
				if (shared == null) {
					shared = generate();
				}
			}
		}
		return shared;
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
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("wechatpay.complaint.merchant.id", this.keys.merchantId());
		properties.put("wechatpay.complaint.merchant.certificate-serial-number", this.keys.merchantSerial());
		properties.put("wechatpay.complaint.merchant.private-key", this.keys.merchantPrivateKeyPem());
		properties.put("wechatpay.complaint.merchant.api-v3-key", this.keys.apiV3Key());
		properties.put("wechatpay.complaint.wechatpay-public-key.id", this.keys.publicKeyId());
		properties.put("wechatpay.complaint.wechatpay-public-key.key", this.keys.wechatpayPublicKeyPem());
		properties.put("wechatpay.complaint.client.allow-insecure-http", "true");
		return properties;
	}

	/**
	 * The properties as {@code key=value} strings, for
	 * {@code ApplicationContextRunner.withPropertyValues}.
	 * @return the properties
	 */
	public String[] propertyValues() {
		return applicationProperties().entrySet()
			.stream()
			.map((property) -> property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Registers the properties from a {@code @DynamicPropertySource} method.
	 * @param registry the registry
	 */
	public void register(DynamicPropertyRegistry registry) {
		applicationProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

	/**
	 * A notification builder signed with the WeChat Pay public key and encrypted with the
	 * APIv3 key.
	 * @return the builder
	 */
	public WechatPayNotificationBuilder notification() {
		return WechatPayNotificationBuilder.create()
			.signingKey(this.keys.wechatpayKeys().getPrivate())
			.serial(this.keys.publicKeyId())
			.apiV3Key(this.keys.apiV3Key());
	}

	@Override
	public String toString() {
		return "WechatPayTestKeys[" + this.keys + "]";
	}

}
