package io.github.wechatpaycomplaint.simulator;

import java.net.URI;

import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import org.jspecify.annotations.Nullable;

/**
 * How one merchant of a simulator differs from the simulator's defaults: given to
 * {@link SimulatorSettings#merchant(String, java.util.function.UnaryOperator)}. What a
 * merchant leaves unset it takes from the simulator's settings (certificate mode,
 * callback URL, initial complaints), except its identity: a merchant id and keys of its
 * own, made fresh when not given.
 *
 * @since 0.1.0
 */
public final class MerchantSettings {

	private @Nullable String merchantId;

	private @Nullable SimulatorKeys keys;

	private @Nullable MerchantRegion region;

	private @Nullable Boolean certificateMode;

	private @Nullable URI callbackUrl;

	private @Nullable Integer initialComplaints;

	MerchantSettings() {
	}

	/**
	 * The merchant id; by default the first merchant's is the simulator's
	 * {@link SimulatorSettings#merchantId(String) merchant id} and the others count up
	 * from {@code 1900000002}. Ignored when {@link #keys(SimulatorKeys) keys} are given.
	 * @param merchantId the mchid
	 * @return these settings
	 */
	public MerchantSettings merchantId(String merchantId) {
		this.merchantId = merchantId;
		return this;
	}

	/**
	 * Keys made earlier, which carry the merchant id.
	 * @param keys the keys
	 * @return these settings
	 */
	public MerchantSettings keys(SimulatorKeys keys) {
		this.keys = keys;
		return this;
	}

	/**
	 * Where the merchant is registered: {@link MerchantRegion#HONG_KONG} serves it on the
	 * {@code /v3/global} paths only (and its properties say
	 * {@code client.endpoint=HONG_KONG}), {@link MerchantRegion#MAINLAND} on the mainland
	 * paths only. Unset, it is served on both.
	 * @param region the region
	 * @return these settings
	 */
	public MerchantSettings region(MerchantRegion region) {
		this.region = region;
		return this;
	}

	/**
	 * Whether WeChat Pay signs this merchant's answers and notifications with its
	 * platform certificate; unset, the simulator's
	 * {@link SimulatorSettings#certificateMode(boolean) certificate mode}.
	 * @param certificateMode {@code true} for certificate mode
	 * @return these settings
	 */
	public MerchantSettings certificateMode(boolean certificateMode) {
		this.certificateMode = certificateMode;
		return this;
	}

	/**
	 * Where this merchant's notifications go; unset, the simulator's
	 * {@link SimulatorSettings#callbackUrl(URI) callback URL}.
	 * @param callbackUrl the URL
	 * @return these settings
	 */
	public MerchantSettings callbackUrl(URI callbackUrl) {
		this.callbackUrl = callbackUrl;
		return this;
	}

	/**
	 * How many complaints to file against this merchant on start; unset, the simulator's
	 * {@link SimulatorSettings#initialComplaints(int) count}.
	 * @param count the count
	 * @return these settings
	 */
	public MerchantSettings initialComplaints(int count) {
		this.initialComplaints = count;
		return this;
	}

	@Nullable String getMerchantId() {
		return this.merchantId;
	}

	@Nullable SimulatorKeys getKeys() {
		return this.keys;
	}

	@Nullable MerchantRegion getRegion() {
		return this.region;
	}

	@Nullable Boolean getCertificateMode() {
		return this.certificateMode;
	}

	@Nullable URI getCallbackUrl() {
		return this.callbackUrl;
	}

	@Nullable Integer getInitialComplaints() {
		return this.initialComplaints;
	}

}
